package io.vigil.ingest.source;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.index.EventIndices;
import io.vigil.index.RawQueries;

/**
 * What each source sent lately, for the admin's Home: its newest event of the last 24 hours, events per
 * minute over the last 15 minutes, and dead letters of the last 24 hours. A source that is silent shows
 * as such. Two aggregation requests.
 */
@ApplicationScoped
public class SourceActivity {

    /** One source's activity; {@code lastEvent} is null when it sent nothing in 24 hours. */
    public record Activity(SourceView source, String lastEvent, double perMinute, long events, long deadLetters) {

        public boolean silent() {
            return lastEvent == null;
        }

        public String perMinuteText() {
            return String.format(java.util.Locale.ROOT, perMinute >= 10 ? "%.0f" : "%.1f", perMinute);
        }
    }

    static final Duration DAY = Duration.ofDays(1);
    static final Duration RECENT = Duration.ofMinutes(15);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final SourceService sources;
    private final RawQueries queries;

    SourceActivity(SourceService sources, RawQueries queries) {
        this.sources = sources;
        this.queries = queries;
    }

    public List<Activity> all(Instant now) {
        List<SourceView> all = sources.list();
        int size = Math.max(1, all.size());
        ObjectNode events = body(now, size);
        ObjectNode per = ((ObjectNode) events.path("aggs").path("sources")).putObject("aggs");
        per.putObject("last").putObject("max").put("field", "@timestamp");
        per.putObject("recent").putObject("filter").putObject("range").putObject("@timestamp")
                .put("gte", now.minus(RECENT).toEpochMilli());
        Map<String, JsonNode> eventBuckets = buckets(queries.search(EventIndices.ALL_EVENTS, events));
        Map<String, JsonNode> letterBuckets = buckets(queries.search(EventIndices.DEAD_LETTERS_PREFIX + "*",
                body(now, size)));
        return all.stream().map(source -> {
            JsonNode bucket = eventBuckets.get(source.name());
            JsonNode letters = letterBuckets.get(source.name());
            return new Activity(source,
                    bucket == null ? null : bucket.path("last").path("value_as_string").asText(null),
                    bucket == null ? 0 : bucket.path("recent").path("doc_count").asLong() / (double) RECENT.toMinutes(),
                    bucket == null ? 0 : bucket.path("doc_count").asLong(),
                    letters == null ? 0 : letters.path("doc_count").asLong());
        }).toList();
    }

    private static ObjectNode body(Instant now, int sources) {
        ObjectNode body = F.objectNode().put("size", 0).put("track_total_hits", false);
        body.putObject("query").putObject("range").putObject("@timestamp").put("gte", now.minus(DAY).toEpochMilli())
                .put("format", "epoch_millis");
        body.putObject("aggs").putObject("sources").putObject("terms").put("field", "vigil.source")
                .put("size", sources);
        return body;
    }

    private static Map<String, JsonNode> buckets(JsonNode answer) {
        Map<String, JsonNode> byKey = new HashMap<>();
        answer.path("aggregations").path("sources").path("buckets").forEach(b -> byKey.put(b.path("key").asText(), b));
        return byKey;
    }
}
