package io.vigil.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

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

    EventIndexer(OpenSearchClient client) {
        this.client = client;
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
        List<BulkOperation> operations = new ArrayList<>(chunk.size());
        for (Document document : chunk) {
            operations.add(BulkOperation.of(op -> op.index(i -> i.index(document.index()).id(document.id())
                    .document(document.body()))));
        }
        try {
            var response = client.bulk(BulkRequest.of(b -> b.operations(operations)));
            List<String> errors = new ArrayList<>(chunk.size());
            Map<Integer, String> reasons = new HashMap<>();
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                var error = items.get(i).error();
                if (error != null) {
                    reasons.put(i, error.type() + ": " + error.reason());
                }
            }
            for (int i = 0; i < chunk.size(); i++) {
                errors.add(reasons.get(i));
            }
            return errors;
        } catch (IOException | OpenSearchException e) {
            throw new StoreUnavailableException("OpenSearch did not take the batch: " + DependencySetup.rootMessage(e),
                    e);
        }
    }
}
