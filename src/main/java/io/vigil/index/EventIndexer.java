package io.vigil.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.ops.DependencySetup;

/**
 * Writes documents with bulk requests. A document is written under its stable id with
 * {@code index} semantics, so writing the same event twice leaves one copy. Batches are split by
 * count and by size; the outcome says, per document, whether OpenSearch took it.
 */
@ApplicationScoped
public class EventIndexer {

    /** One document to write. {@code sizeHint} is the approximate JSON size, for batching. */
    public record Document(String index, String id, ObjectNode body, int sizeHint) {
    }

    /** Per document: null when stored, else OpenSearch's reason. */
    public record Outcome(List<String> errors) {

        public long stored() {
            return errors.stream().filter(java.util.Objects::isNull).count();
        }
    }

    static final int MAX_DOCS_PER_BULK = 2000;
    static final int MAX_BYTES_PER_BULK = 8 << 20;

    private final OpenSearchClient client;
    private final ObjectMapper json;

    EventIndexer(OpenSearchClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /**
     * Writes every document; throws {@link StoreUnavailableException} if OpenSearch does not answer,
     * in which case a caller must assume none of the unanswered chunk was stored.
     */
    public Outcome write(List<Document> documents) {
        List<String> errors = new ArrayList<>(documents.size());
        int from = 0;
        while (from < documents.size()) {
            int to = from;
            long bytes = 0;
            while (to < documents.size() && to - from < MAX_DOCS_PER_BULK
                    && (to == from || bytes + documents.get(to).sizeHint() <= MAX_BYTES_PER_BULK)) {
                bytes += documents.get(to).sizeHint();
                to++;
            }
            errors.addAll(bulk(documents.subList(from, to)));
            from = to;
        }
        return new Outcome(errors);
    }

    /**
     * One {@code _bulk} call, its body written directly with Jackson: the typed client's JSON-P
     * bridge costs more than the indexing itself on this path.
     */
    private List<String> bulk(List<Document> chunk) {
        var body = new ByteArrayOutputStream(chunk.stream().mapToInt(Document::sizeHint).sum() + chunk.size() * 96);
        try {
            for (Document document : chunk) {
                ObjectNode action = json.createObjectNode();
                ObjectNode index = action.putObject("index").put("_index", document.index());
                if (document.id() != null) {
                    index.put("_id", document.id());
                }
                json.writeValue(body, action);
                body.write('\n');
                json.writeValue(body, document.body());
                body.write('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a bulk body", e);
        }
        try (Response response = client.generic().execute(Requests.builder().method("POST").endpoint("/_bulk")
                .query(Map.of("filter_path", "errors,items.*.status,items.*.error.type,items.*.error.reason"))
                .body(Body.from(body.toByteArray(), "application/x-ndjson")).build())) {
            String answer = response.getBody().map(Body::bodyAsString).orElse("");
            if (response.getStatus() != 200) {
                throw new StoreUnavailableException("OpenSearch answered the bulk request with HTTP "
                        + response.getStatus() + ": " + answer.substring(0, Math.min(300, answer.length())), null);
            }
            return errorsOf(json.readTree(answer), chunk.size());
        } catch (IOException | OpenSearchException e) {
            throw new StoreUnavailableException("OpenSearch did not take the batch: " + DependencySetup.rootMessage(e),
                    e);
        }
    }

    /** Per item, null when stored or OpenSearch's reason; a bulk without errors has no item details. */
    private static List<String> errorsOf(JsonNode answer, int size) {
        List<String> errors = new ArrayList<>(java.util.Collections.nCopies(size, (String) null));
        if (!answer.path("errors").asBoolean(false)) {
            return errors;
        }
        JsonNode items = answer.path("items");
        for (int i = 0; i < size && i < items.size(); i++) {
            JsonNode result = items.get(i).elements().next();
            int status = result.path("status").asInt(200);
            if (status == 429 || status >= 500) {
                // overloaded or shutting down: not the document's fault, the whole chunk goes again
                throw new StoreUnavailableException("OpenSearch could not take every document now (HTTP " + status
                        + " " + result.path("error").path("type").asText() + ")", null);
            }
            if (result.has("error")) {
                errors.set(i, result.path("error").path("type").asText() + ": "
                        + result.path("error").path("reason").asText());
            }
        }
        return errors;
    }
}
