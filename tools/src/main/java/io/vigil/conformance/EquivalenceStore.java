package io.vigil.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.index.query.FieldTypes;

/**
 * Test indices for {@link BackendEquivalence}, spoken to with plain HTTP (only io.vigil.index may use
 * the OpenSearch client). Events that a first index rejects — a field that is an object in one event and
 * a string in another, or the field limit — go to the next index of the group, so every event is stored
 * exactly as it is; each index keeps its own mapping and is queried with its own {@link FieldTypes}.
 */
final class EquivalenceStore implements AutoCloseable {

    static final String PREFIX = "vigil-events-qtest-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_INDICES = 8;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final List<String> created = new ArrayList<>();

    EquivalenceStore(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Stores the events (id → document) in {@code PREFIX + group + "-" + n} indices; returns the indices used. */
    List<String> load(String group, Map<String, JsonNode> events) throws IOException {
        Map<String, JsonNode> pending = new LinkedHashMap<>(events);
        List<String> indices = new ArrayList<>();
        for (int n = 1; !pending.isEmpty(); n++) {
            if (n > MAX_INDICES) {
                throw new IOException(pending.size() + " events of " + group + " rejected by " + MAX_INDICES
                        + " indices, e.g. " + pending.keySet().iterator().next());
            }
            String index = PREFIX + group + "-" + n;
            send("DELETE", "/" + index, null, true);
            created.add(index);
            indices.add(index);
            pending = bulk(index, pending);
            send("POST", "/" + index + "/_refresh", null, false);
        }
        return indices;
    }

    /** Bulk-indexes in chunks; returns the events the index rejected. */
    private Map<String, JsonNode> bulk(String index, Map<String, JsonNode> events) throws IOException {
        Map<String, JsonNode> rejected = new LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>(events.entrySet());
        for (int from = 0; from < all.size(); from += 500) {
            StringBuilder body = new StringBuilder();
            List<Map.Entry<String, JsonNode>> chunk = all.subList(from, Math.min(all.size(), from + 500));
            for (var e : chunk) {
                ObjectNode action = JSON.createObjectNode();
                action.putObject("index").put("_index", index).put("_id", e.getKey());
                body.append(action).append('\n').append(JSON.writeValueAsString(e.getValue())).append('\n');
            }
            JsonNode response = send("POST", "/_bulk", body.toString(), false);
            JsonNode items = response.path("items");
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).path("index").has("error")) {
                    rejected.put(chunk.get(i).getKey(), chunk.get(i).getValue());
                }
            }
        }
        return rejected;
    }

    FieldTypes types(String index) throws IOException {
        return FieldTypes.fromMappingResponse(send("GET", "/" + index + "/_mapping", null, false));
    }

    /** Ids of the documents the query selects in the index (at most 10,000, more is reported as an error). */
    Set<String> ids(String index, JsonNode query) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.set("query", query);
        request.put("size", 10_000);
        request.put("_source", false);
        request.put("track_total_hits", true);
        JsonNode response = send("POST", "/" + index + "/_search", request.toString(), false);
        if (response.path("hits").path("total").path("value").asInt() > 10_000) {
            throw new IOException("more than 10000 hits");
        }
        Set<String> ids = new HashSet<>();
        response.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asText()));
        return ids;
    }

    private JsonNode send(String method, String path, String body, boolean allowMissing) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                path.endsWith("_bulk") ? "application/x-ndjson" : "application/json");
        b.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            // 429 is the node's memory circuit breaker under a burst of automaton-heavy queries: it
            // clears within seconds, and a comparison must not count it as a difference.
            for (int retry = 1; response.statusCode() == 429 && retry <= 5; retry++) {
                Thread.sleep(1000L * retry);
                response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() >= 300 && !(allowMissing && response.statusCode() == 404)) {
            JsonNode error = JSON.readTree(response.body()).path("error").path("root_cause").path(0);
            String reason = error.path("reason").asText(abbreviate(response.body()));
            throw new Rejected(method + " " + path + " → " + response.statusCode() + ": " + reason, reason);
        }
        return JSON.readTree(response.body());
    }

    /** OpenSearch refused the request; {@link #reason} is its root cause. */
    static final class Rejected extends IOException {

        private static final long serialVersionUID = 1L;
        final String reason;

        Rejected(String message, String reason) {
            super(message);
            this.reason = reason;
        }
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    /** Deletes the indices this run created. */
    @Override
    public void close() throws IOException {
        for (String index : created) {
            send("DELETE", "/" + index, null, true);
        }
    }
}
