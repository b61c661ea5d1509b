package io.vigil.index;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.ops.DependencySetup;

/**
 * Writes documents with bulk requests. A document is written under its stable id with
 * {@code index} semantics, so writing the same event twice leaves one copy. Batches are split by
 * count and by size; the outcome says, per document, whether OpenSearch took it.
 *
 * <p>
 * This is the hot path of ingest, so it does not go through opensearch-java: the body is written once
 * by Jackson into chunks and sent from them ({@link ChunkedBody}; the generic client would copy a bulk
 * body four times), and a document may carry its source record's own JSON text, which is copied into the
 * body instead of being serialized again.
 */
@ApplicationScoped
public class EventIndexer {

    /**
     * One document to write. {@code sizeHint} is the approximate JSON size, for batching.
     * {@code nativeJson}, when set, is the compact JSON object text of the record the event came
     * from; {@code body} then holds only the fields added to it (ECS), and the stored document is
     * both, merged. None of the body's field names may occur in {@code nativeJson}.
     */
    public record Document(String index, String id, ObjectNode body, int sizeHint, String nativeJson) {

        public Document(String index, String id, ObjectNode body, int sizeHint) {
            this(index, id, body, sizeHint, null);
        }

        /** The whole document as one tree (for the spool and dead letters; not on the hot path). */
        public ObjectNode merged(ObjectMapper json) {
            if (nativeJson == null) {
                return body;
            }
            try {
                ObjectNode whole = (ObjectNode) json.readTree(nativeJson);
                whole.setAll(body);
                return whole;
            } catch (IOException e) {
                throw new IllegalStateException("a document's native JSON is not JSON", e);
            }
        }
    }

    /** Per document: null when stored, else OpenSearch's reason. */
    public record Outcome(List<String> errors) {

        public long stored() {
            return errors.stream().filter(java.util.Objects::isNull).count();
        }
    }

    static final int MAX_DOCS_PER_BULK = 2000;
    static final int MAX_BYTES_PER_BULK = 8 << 20;
    private static final String FILTER = "filter_path=errors,items.*.status,items.*.error.type,items.*.error.reason";

    private final ObjectMapper json;
    private final HttpClient http;
    private final OpenSearchNodes nodes;

    EventIndexer(OpenSearchNodes nodes, ObjectMapper json) {
        this.json = json;
        this.nodes = nodes;
        // the JVM's default TLS context, as the query client's: one trust store for both doors
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(nodes.connectTimeout()).build();
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

    private List<String> bulk(List<Document> chunk) {
        var body = new ChunkedBody();
        try (JsonGenerator out = json.getFactory().createGenerator(body)) {
            out.setRootValueSeparator(null);
            for (Document document : chunk) {
                writeAction(out, document);
                writeDocument(out, document);
                out.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a bulk body", e);
        }
        HttpResponse<byte[]> response = send(body);
        if (response.statusCode() != 200) {
            String answer = new String(response.body(), StandardCharsets.UTF_8);
            throw new StoreUnavailableException("OpenSearch answered the bulk request with HTTP "
                    + response.statusCode() + ": " + answer.substring(0, Math.min(300, answer.length())), null);
        }
        try {
            return errorsOf(json.readTree(response.body()), chunk.size());
        } catch (IOException e) {
            throw new StoreUnavailableException("OpenSearch's bulk answer is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a bulk body to the next node, and to the others in turn while a node cannot be reached: a
     * connection refused or timed out means that node took nothing, so another may take the whole body.
     */
    private HttpResponse<byte[]> send(ChunkedBody body) {
        IOException failure = null;
        for (URI node : nodes.inTurn()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve("_bulk?" + FILTER))
                    .timeout(nodes.responseTimeout()).header("Content-Type", "application/x-ndjson")
                    .POST(body.publisher());
            nodes.authorization().ifPresent(value -> request.header("Authorization", value));
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
                failure = e;
            } catch (IOException e) {
                // the node may have taken part of the body: the caller decides (it retries or spools)
                throw new StoreUnavailableException(
                        "OpenSearch did not take the batch: " + DependencySetup.rootMessage(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while writing a batch", e);
            }
        }
        throw new StoreUnavailableException("OpenSearch did not take the batch: no node answered ("
                + DependencySetup.rootMessage(failure) + ")", failure);
    }

    private static void writeAction(JsonGenerator out, Document document) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("index");
        out.writeStringField("_index", document.index());
        if (document.id() != null) {
            out.writeStringField("_id", document.id());
        }
        out.writeEndObject();
        out.writeEndObject();
        out.writeRaw('\n');
    }

    /** The document on one line: the body's fields, then the native record's members as they came. */
    private static void writeDocument(JsonGenerator out, Document document) throws IOException {
        String members = document.nativeJson() == null ? "" : innerMembers(document.nativeJson());
        if (members.isEmpty()) {
            out.writeTree(document.body());
            return;
        }
        out.writeStartObject();
        var fields = document.body().fields();
        while (fields.hasNext()) {
            var field = fields.next();
            out.writeFieldName(field.getKey());
            out.writeTree(field.getValue());
        }
        out.writeRaw(document.body().isEmpty() ? "" : ",");
        out.writeRaw(members);
        out.writeEndObject();
    }

    /** What is between the outer braces of a JSON object's text. */
    private static String innerMembers(String object) {
        int open = object.indexOf('{');
        int close = object.lastIndexOf('}');
        return open < 0 || close <= open ? "" : object.substring(open + 1, close).strip();
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
