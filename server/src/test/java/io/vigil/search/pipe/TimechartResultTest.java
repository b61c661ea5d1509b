package io.vigil.search.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.search.pipe.Metric.Fn;

/** Timecharts read from hand-written OpenSearch responses: buckets 08:00, 08:05 and 08:10 UTC. */
class TimechartResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SPAN = Duration.ofMinutes(5);

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    @Test
    void countPerBucket() throws Exception {
        Pipe pipe = new Pipe.Timechart(SPAN, "5m", Metric.count(), null);
        PipeResult result = PipeResult.read(pipe, json("""
                {"hits": {"total": {"value": 7, "relation": "eq"}},
                 "aggregations": {"over_time": {"buckets": [
                   {"key_as_string": "2026-11-21T08:00:00.000Z", "key": 1795248000000, "doc_count": 4},
                   {"key_as_string": "2026-11-21T08:05:00.000Z", "key": 1795248300000, "doc_count": 0},
                   {"key_as_string": "2026-11-21T08:10:00.000Z", "key": 1795248600000, "doc_count": 3}]}}}"""));
        assertThat(result.columns()).containsExactly("time", "count()");
        assertThat(result.rows()).containsExactly(List.of("2026-11-21T08:00:00.000Z", "4"),
                List.of("2026-11-21T08:05:00.000Z", "0"), List.of("2026-11-21T08:10:00.000Z", "3"));
        assertThat(result.note()).isNull();
        assertThat(result.chart().kind()).isEqualTo("line");
        assertThat(result.chart().categories()).containsExactly("1795248000000", "1795248300000", "1795248600000");
        assertThat(result.chart().series()).containsExactly(
                new PipeResult.Series("count()", List.of(4.0, 0.0, 3.0)));
    }

    @Test
    void metricPerBucketWithGapsAndIsoTimesWhenUnformatted() throws Exception {
        Pipe pipe = new Pipe.Timechart(SPAN, "5m", new Metric(Fn.AVG, "bytes"), null);
        PipeResult result = PipeResult.read(pipe, json("""
                {"aggregations": {"over_time": {"buckets": [
                   {"key": 1795248000000, "doc_count": 2, "m0": {"value": 10.25}},
                   {"key": 1795248300000, "doc_count": 0, "m0": {"value": null}}]}}}"""));
        assertThat(result.rows()).containsExactly(List.of("2026-11-21T08:00:00Z", "10.25"),
                List.of("2026-11-21T08:05:00Z", ""));
        assertThat(result.chart().series().getFirst().values()).containsExactly(10.25, null);
        assertThat(result.chartJson()).contains("\"values\":[10.25,null]");
    }

    @Test
    void onePerSeriesColumnLinedUpByBucket() throws Exception {
        Pipe pipe = new Pipe.Timechart(SPAN, "5m", Metric.count(), "event.action");
        PipeResult result = PipeResult.read(pipe, json("""
                {"aggregations": {"series": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0,
                  "buckets": [
                   {"key": "ConsoleLogin", "doc_count": 5, "over_time": {"buckets": [
                     {"key_as_string": "2026-11-21T08:00:00.000Z", "key": 1795248000000, "doc_count": 5},
                     {"key_as_string": "2026-11-21T08:05:00.000Z", "key": 1795248300000, "doc_count": 0}]}},
                   {"key": "AssumeRole", "doc_count": 2, "over_time": {"buckets": [
                     {"key_as_string": "2026-11-21T08:05:00.000Z", "key": 1795248300000, "doc_count": 2}]}}]}}}"""));
        assertThat(result.columns()).containsExactly("time", "ConsoleLogin", "AssumeRole");
        assertThat(result.rows()).containsExactly(List.of("2026-11-21T08:00:00.000Z", "5", "0"),
                List.of("2026-11-21T08:05:00.000Z", "0", "2"));
        assertThat(result.chart().series()).containsExactly(
                new PipeResult.Series("ConsoleLogin", List.of(5.0, 0.0)),
                new PipeResult.Series("AssumeRole", List.of(0.0, 2.0)));
        assertThat(result.note()).isNull();
    }

    @Test
    void otherSeriesAndApproximateCountsAreNoted() throws Exception {
        Pipe pipe = new Pipe.Timechart(SPAN, "5m", new Metric(Fn.DC, "user.name"), "source.ip");
        PipeResult result = PipeResult.read(pipe, json("""
                {"aggregations": {"series": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 4200,
                  "buckets": [
                   {"key": "10.0.0.1", "doc_count": 5, "over_time": {"buckets": [
                     {"key": 1795248000000, "doc_count": 5, "m0": {"value": 2}}]}},
                   {"key": "10.0.0.2", "doc_count": 1, "over_time": {"buckets": [
                     {"key": 1795248300000, "doc_count": 1, "m0": {"value": 1}}]}}]}}}"""));
        assertThat(result.rows()).containsExactly(List.of("2026-11-21T08:00:00Z", "2", ""),
                List.of("2026-11-21T08:05:00Z", "", "1"));
        assertThat(result.chart().series().get(0).values()).isEqualTo(Arrays.asList(2.0, null));
        assertThat(result.note()).isEqualTo("showing the top 10 series; 4,200 more events fall in other series, "
                + "not shown; dc() is approximate above 3,000 distinct values");
    }

    @Test
    void noSeriesIsAnEmptyTable() throws Exception {
        Pipe pipe = new Pipe.Timechart(SPAN, "5m", Metric.count(), "event.action");
        PipeResult result = PipeResult.read(pipe, json("""
                {"aggregations": {"series": {"sum_other_doc_count": 0, "buckets": []}}}"""));
        assertThat(result.columns()).containsExactly("time");
        assertThat(result.rows()).isEmpty();
        assertThat(result.chart().series()).isEmpty();
    }
}
