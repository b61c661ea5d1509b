package io.vigil.posture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.access.VigilUser;
import io.vigil.index.EventIndices;
import io.vigil.index.RawQueries;
import io.vigil.search.HistogramJson;
import io.vigil.search.SearchScope;

/**
 * The posture figures that exist so far, in the user's data scope: findings of the last 7 days by level
 * and by source, events of the last 24 hours by source, and failed sign-ins (ECS {@code event.category}
 * authentication, {@code event.outcome} failure) over the last 7 days in 6-hour bars. Two aggregation
 * requests, whatever the number of events.
 */
@ApplicationScoped
public class PostureFigures {

    /** A value and how many there are of it. */
    public record Count(String key, long count) {
    }

    /** The figures, and the failed sign-ins as the chart script reads them ({@code failedJson}). */
    public record Figures(List<Count> findingsByLevel, List<Count> findingsBySource, List<Count> eventsBySource,
            long failedLogins, String failedJson) {

        /** The largest count of a list, for bars relative to it. */
        public long max(List<Count> counts) {
            return counts.stream().mapToLong(Count::count).max().orElse(1);
        }
    }

    static final Duration WEEK = Duration.ofDays(7);
    static final Duration DAY = Duration.ofDays(1);
    static final Duration BAR = Duration.ofHours(6);
    private static final int TOP = 10;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final RawQueries queries;

    PostureFigures(RawQueries queries) {
        this.queries = queries;
    }

    public Figures of(VigilUser user, Instant now) {
        SearchScope scope = SearchScope.of(user);
        Instant weekAgo = now.minus(WEEK);

        ObjectNode findings = body(scope, weekAgo, now);
        ObjectNode findingAggs = findings.putObject("aggs");
        findingAggs.putObject("levels").putObject("terms").put("field", "rule.level").put("size", TOP);
        findingAggs.putObject("sources").putObject("terms").put("field", "vigil.source").put("size", TOP);
        JsonNode foundAnswer = queries.search(EventIndices.FINDINGS_PREFIX + "*", findings);

        ObjectNode events = body(scope, weekAgo, now);
        ObjectNode eventAggs = events.putObject("aggs");
        ObjectNode day = eventAggs.putObject("day");
        day.putObject("filter").putObject("range").putObject("@timestamp").put("gte", now.minus(DAY).toEpochMilli());
        day.putObject("aggs").putObject("sources").putObject("terms").put("field", "vigil.source").put("size", TOP);
        ObjectNode failed = eventAggs.putObject("failed");
        ArrayNode both = failed.putObject("filter").putObject("bool").putArray("filter");
        both.addObject().putObject("term").put("event.category", "authentication");
        both.addObject().putObject("term").put("event.outcome", "failure");
        ObjectNode histogram = failed.putObject("aggs").putObject("over_time").putObject("date_histogram");
        histogram.put("field", "@timestamp").put("fixed_interval", BAR.toHours() + "h").put("min_doc_count", 0);
        histogram.putObject("extended_bounds").put("min", weekAgo.toEpochMilli()).put("max", now.toEpochMilli());
        JsonNode eventAnswer = queries.search(EventIndices.ALL_EVENTS, events);

        JsonNode failedAgg = eventAnswer.path("aggregations").path("failed");
        return new Figures(counts(foundAnswer.path("aggregations").path("levels")),
                counts(foundAnswer.path("aggregations").path("sources")),
                counts(eventAnswer.path("aggregations").path("day").path("sources")),
                failedAgg.path("doc_count").asLong(), chart(failedAgg.path("over_time"), weekAgo, now));
    }

    private static ObjectNode body(SearchScope scope, Instant from, Instant to) {
        ObjectNode body = F.objectNode().put("size", 0).put("track_total_hits", false);
        ArrayNode filters = body.putObject("query").putObject("bool").putArray("filter");
        filters.addObject().putObject("range").putObject("@timestamp").put("gte", from.toEpochMilli())
                .put("lt", to.toEpochMilli()).put("format", "epoch_millis");
        filters.add(scope.filter());
        return body;
    }

    private static List<Count> counts(JsonNode terms) {
        List<Count> counts = new ArrayList<>();
        terms.path("buckets").forEach(b -> counts.add(new Count(b.path("key").asText(), b.path("doc_count").asLong())));
        return counts;
    }

    /** As the search histogram's JSON (bar starts in epoch ms and counts), safe inside a script element. */
    private static String chart(JsonNode histogram, Instant from, Instant to) {
        List<long[]> bars = new ArrayList<>();
        histogram.path("buckets")
                .forEach(b -> bars.add(new long[]{b.path("key").asLong(), b.path("doc_count").asLong()}));
        return HistogramJson.of(from, to, BAR, bars);
    }
}
