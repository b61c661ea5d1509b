package io.vigil.index;

import java.io.IOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.ops.DependencySetup;

/**
 * Searches whose body is built as JSON (a Sigma rule translated to query DSL, aggregations written
 * by hand) sent as they are, through the same client as the typed calls. A request OpenSearch refuses
 * ({@code 4xx}) is the query's fault and says why; no answer at all is {@link StoreUnavailableException}.
 */
@ApplicationScoped
public class RawQueries {

    /** OpenSearch refused the request itself (a bad query, a too-complex regexp): not an outage. */
    public static class RefusedException extends RuntimeException {

        public RefusedException(String message) {
            super(message);
        }
    }

    private final OpenSearchClient client;
    private final ObjectMapper json;

    RawQueries(OpenSearchClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** {@code POST <indices>/_search}; missing indices are no error (an empty range has none). */
    public JsonNode search(String indices, JsonNode body) {
        return checkedShards(send("POST", "/" + indices + "/_search",
                Map.of("ignore_unavailable", "true", "allow_no_indices", "true"), body));
    }

    private static JsonNode checkedShards(JsonNode answer) {
        // OpenSearch answers 200 when only some shards failed (a regexp too complex for the indices that
        // have the field): that answer is incomplete, and a count from it would be wrong without a word
        JsonNode shards = answer.path("_shards");
        if (shards.path("failed").asInt() > 0) {
            JsonNode failure = shards.path("failures").path(0).path("reason");
            String reason = failure.path("caused_by").path("reason").asText(failure.path("reason").asText("?"));
            throw new RefusedException(shards.path("failed").asInt() + " of " + shards.path("total").asInt()
                    + " shards failed: " + reason);
        }
        return answer;
    }

    /**
     * {@code POST <indices>/_search/point_in_time}: a snapshot of the indices that later pages read, so
     * deep paging does not shift as events arrive. Its id, kept alive for {@code keepAlive} ({@code 5m}).
     */
    public String openPointInTime(String indices, String keepAlive) {
        JsonNode answer = send("POST", "/" + indices + "/_search/point_in_time", Map.of("keep_alive", keepAlive,
                "allow_partial_pit_creation", "false"), null);
        return answer.path("pit_id").asText();
    }

    /** Frees a point in time before its keep-alive runs out (an export that is done with it). */
    public void closePointInTime(String id) {
        var body = json.createObjectNode();
        body.putArray("pit_id").add(id);
        try {
            send("DELETE", "/_search/point_in_time", Map.of(), body);
        } catch (RefusedException e) {
            // already expired: nothing left to free
        }
    }

    /** {@code POST /_search} of a body naming its point in time ({@code "pit": {"id": …}}). */
    public JsonNode searchPointInTime(JsonNode body) {
        return checkedShards(send("POST", "/_search", Map.of(), body));
    }

    /** {@code GET <indices>/_mapping}, empty when no index matches. */
    public JsonNode mapping(String indices) {
        return send("GET", "/" + indices + "/_mapping", Map.of("ignore_unavailable", "true", "allow_no_indices",
                "true"), null);
    }

    private JsonNode send(String method, String endpoint, Map<String, String> parameters, JsonNode body) {
        var request = Requests.builder().method(method).endpoint(endpoint).query(parameters);
        try {
            if (body != null) {
                request.body(Body.from(json.writeValueAsBytes(body), "application/json"));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
        try (var response = client.generic().execute(request.build())) {
            // parsed from the stream: a page of events is ~150 KB, and each copy of it (bytes, then a
            // String) was garbage made per search
            JsonNode answer = response.getBody().isPresent()
                    ? readTree(response.getBody().get())
                    : json.createObjectNode();
            if (response.getStatus() >= 400 && response.getStatus() < 500) {
                throw new RefusedException(reason(answer, response.getStatus()));
            }
            if (response.getStatus() >= 500) {
                throw new StoreUnavailableException("OpenSearch answered " + response.getStatus() + ": "
                        + reason(answer, response.getStatus()), null);
            }
            return answer;
        } catch (IOException e) {
            throw new StoreUnavailableException("OpenSearch cannot be reached: " + DependencySetup.rootMessage(e), e);
        }
    }

    private JsonNode readTree(Body body) throws IOException {
        try (var stream = body.body()) {
            JsonNode tree = json.readTree(stream);
            return tree == null ? json.createObjectNode() : tree;
        }
    }

    /** The deepest reason OpenSearch gives: the root cause names the field and the problem. */
    private static String reason(JsonNode answer, int status) {
        JsonNode error = answer.path("error");
        JsonNode root = error.path("root_cause").path(0);
        String reason = root.path("reason").asText(error.path("reason").asText(""));
        JsonNode caused = error.path("caused_by");
        while (caused.has("caused_by")) {
            caused = caused.path("caused_by");
        }
        String deepest = caused.path("reason").asText("");
        if (!deepest.isEmpty() && !deepest.equals(reason)) {
            reason = reason.isEmpty() ? deepest : reason + ": " + deepest;
        }
        return reason.isEmpty() ? "status " + status : reason;
    }
}
