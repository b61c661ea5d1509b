package io.vigil.search.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.search.TimeRange;
import io.vigil.search.pipe.Metric.Fn;

class PipeAggregationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 2026-11-21T00:00:00Z to 2026-11-22T00:00:00Z: 1795219200000 to 1795305600000 epoch millis. */
    private static final TimeRange DAY = TimeRange.parse("2026-11-21T00:00:00Z", "2026-11-22T00:00:00Z",
            Instant.parse("2026-11-22T12:00:00Z"));

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    @Test
    void statsWithoutGroupsHasOneAggregationPerMetricButCount() throws Exception {
        Pipe pipe = new Pipe.Stats(List.of(Metric.count(), new Metric(Fn.DC, "user.name"),
                new Metric(Fn.AVG, "bytes")), List.of());
        assertThat(PipeAggregations.aggregations(pipe, DAY)).isEqualTo(json("""
                {"m1": {"cardinality": {"field": "user.name", "precision_threshold": 3000}},
                 "m2": {"avg": {"field": "bytes"}}}"""));
    }

    @Test
    void countAloneNeedsNoAggregation() {
        Pipe pipe = new Pipe.Stats(List.of(Metric.count()), List.of());
        assertThat(PipeAggregations.aggregations(pipe, DAY).isEmpty()).isTrue();
    }

    @Test
    void statsByOneFieldIsTerms() throws Exception {
        Pipe pipe = new Pipe.Stats(List.of(Metric.count(), new Metric(Fn.SUM, "bytes"),
                new Metric(Fn.MIN, "a"), new Metric(Fn.MAX, "b")), List.of("source.ip"));
        assertThat(PipeAggregations.aggregations(pipe, DAY)).isEqualTo(json("""
                {"groups": {
                  "terms": {"field": "source.ip", "size": 500, "order": {"_count": "desc"}},
                  "aggs": {"m1": {"sum": {"field": "bytes"}}, "m2": {"min": {"field": "a"}},
                           "m3": {"max": {"field": "b"}}}}}"""));
    }

    @Test
    void statsCountByOneFieldHasNoSubAggregations() {
        Pipe pipe = new Pipe.Stats(List.of(Metric.count()), List.of("source.ip"));
        assertThat(PipeAggregations.aggregations(pipe, DAY).path("groups").has("aggs")).isFalse();
    }

    @Test
    void statsBySeveralFieldsIsMultiTerms() throws Exception {
        Pipe pipe = new Pipe.Stats(List.of(new Metric(Fn.DC, "user.name")), List.of("source.ip", "event.action"));
        assertThat(PipeAggregations.aggregations(pipe, DAY)).isEqualTo(json("""
                {"groups": {
                  "multi_terms": {"terms": [{"field": "source.ip"}, {"field": "event.action"}], "size": 500,
                                  "order": {"_count": "desc"}},
                  "aggs": {"m0": {"cardinality": {"field": "user.name", "precision_threshold": 3000}}}}}"""));
    }

    @Test
    void topIsTermsByDescendingCount() throws Exception {
        assertThat(PipeAggregations.aggregations(new Pipe.Top(5, "source.ip"), DAY)).isEqualTo(json("""
                {"groups": {"terms": {"field": "source.ip", "size": 5, "order": {"_count": "desc"}}}}"""));
    }

    @Test
    void rareIsTermsByAscendingCountWithAWiderShardSize() throws Exception {
        assertThat(PipeAggregations.aggregations(new Pipe.Rare(5, "user.name"), DAY)).isEqualTo(json("""
                {"groups": {"terms": {"field": "user.name", "size": 5, "order": {"_count": "asc"},
                                      "shard_size": 100}}}"""));
        assertThat(PipeAggregations.aggregations(new Pipe.Rare(50, "user.name"), DAY)
                .at("/groups/terms/shard_size").asInt()).isEqualTo(500);
    }

    @Test
    void timechartIsADateHistogramOverTheWholeRange() throws Exception {
        Pipe pipe = new Pipe.Timechart(Duration.ofMinutes(5), "5m", new Metric(Fn.AVG, "bytes"), null);
        assertThat(PipeAggregations.aggregations(pipe, DAY)).isEqualTo(json("""
                {"over_time": {
                  "date_histogram": {"field": "@timestamp", "fixed_interval": "5m", "min_doc_count": 0,
                                     "extended_bounds": {"min": 1795219200000, "max": 1795305599999}},
                  "aggs": {"m0": {"avg": {"field": "bytes"}}}}}"""));
    }

    @Test
    void timechartCountHasNoMetric() {
        Pipe pipe = new Pipe.Timechart(Duration.ofHours(1), "1h", Metric.count(), null);
        assertThat(PipeAggregations.aggregations(pipe, DAY).path("over_time").has("aggs")).isFalse();
    }

    @Test
    void timechartByTakesTheTopSeriesFirstEachWithItsBuckets() throws Exception {
        Pipe pipe = new Pipe.Timechart(Duration.ofHours(1), "1h", new Metric(Fn.DC, "user.name"), "event.action");
        assertThat(PipeAggregations.aggregations(pipe, DAY)).isEqualTo(json("""
                {"series": {
                  "terms": {"field": "event.action", "size": 10, "order": {"_count": "desc"}},
                  "aggs": {"over_time": {
                    "date_histogram": {"field": "@timestamp", "fixed_interval": "1h", "min_doc_count": 0,
                                       "extended_bounds": {"min": 1795219200000, "max": 1795305599999}},
                    "aggs": {"m0": {"cardinality": {"field": "user.name", "precision_threshold": 3000}}}}}}}"""));
    }
}
