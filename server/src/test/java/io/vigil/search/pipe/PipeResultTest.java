package io.vigil.search.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.search.pipe.Metric.Fn;

/** Stats, top and rare read from hand-written OpenSearch responses. */
class PipeResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    @Test
    void statsWithoutGroupsTakesCountFromTheHitsTotal() throws Exception {
        Pipe pipe = new Pipe.Stats(List.of(Metric.count(), new Metric(Fn.DC, "user.name"),
                new Metric(Fn.AVG, "bytes"), new Metric(Fn.MIN, "@timestamp")), List.of());
        PipeResult result = PipeResult.read(pipe, json("""
                {"hits": {"total": {"value": 1234, "relation": "eq"}, "hits": []},
                 "aggregations": {"m1": {"value": 17}, "m2": {"value": 2.345678},
                   "m3": {"value": 1795248000000, "value_as_string": "2026-11-21T08:00:00.000Z"}}}"""));
        assertThat(result.columns()).containsExactly("count()", "dc(user.name)", "avg(bytes)", "min(@timestamp)");
        assertThat(result.rows()).containsExactly(List.of("1234", "17", "2.35", "2026-11-21T08:00:00.000Z"));
        assertThat(result.note()).isEqualTo("dc() is approximate above 3,000 distinct values");
        assertThat(result.chart()).isNull();
        assertThat(result.chartJson()).isEqualTo("null");
    }

    @Test
    void missingMetricValuesAreEmpty() throws Exception {
        Pipe pipe = new Pipe.Stats(List.of(new Metric(Fn.AVG, "bytes")), List.of());
        PipeResult result = PipeResult.read(pipe, json("""
                {"hits": {"total": {"value": 0, "relation": "eq"}}, "aggregations": {"m0": {"value": null}}}"""));
        assertThat(result.rows()).containsExactly(List.of(""));
        assertThat(result.note()).isNull();
    }

    @Test
    void statsByOneFieldHasARowAndABarPerGroup() throws Exception {
        Pipe pipe = new Pipe.Stats(List.of(Metric.count(), new Metric(Fn.SUM, "bytes")), List.of("source.ip"));
        PipeResult result = PipeResult.read(pipe, json("""
                {"hits": {"total": {"value": 60, "relation": "eq"}},
                 "aggregations": {"groups": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0,
                   "buckets": [
                     {"key": "10.0.0.1", "doc_count": 40, "m1": {"value": 1024.0}},
                     {"key": "10.0.0.2", "doc_count": 20, "m1": {"value": 0.5}}]}}}"""));
        assertThat(result.columns()).containsExactly("source.ip", "count()", "sum(bytes)");
        assertThat(result.rows()).containsExactly(List.of("10.0.0.1", "40", "1024"), List.of("10.0.0.2", "20", "0.5"));
        assertThat(result.note()).isNull();
        assertThat(result.chart().kind()).isEqualTo("bar");
        assertThat(result.chart().categories()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(result.chart().series()).containsExactly(new PipeResult.Series("count()", List.of(40.0, 20.0)),
                new PipeResult.Series("sum(bytes)", List.of(1024.0, 0.5)));
    }

    @Test
    void statsBySeveralFieldsSplitsTheMultiTermsKey() throws Exception {
        Pipe pipe = new Pipe.Stats(List.of(new Metric(Fn.DC, "user.name")), List.of("source.ip", "event.outcome",
                "http.response.status_code"));
        PipeResult result = PipeResult.read(pipe, json("""
                {"hits": {"total": {"value": 9000, "relation": "eq"}},
                 "aggregations": {"groups": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 12345,
                   "buckets": [
                     {"key": ["10.0.0.1", "failure", 403], "key_as_string": "10.0.0.1|failure|403",
                      "doc_count": 50, "m0": {"value": 3}}]}}}"""));
        assertThat(result.columns()).containsExactly("source.ip", "event.outcome", "http.response.status_code",
                "dc(user.name)");
        assertThat(result.rows()).containsExactly(List.of("10.0.0.1", "failure", "403", "3"));
        assertThat(result.chart().categories()).containsExactly("10.0.0.1 / failure / 403");
        assertThat(result.note()).isEqualTo("showing the top 500 groups; 12,345 more events fall in other groups; "
                + "dc() is approximate above 3,000 distinct values");
    }

    @Test
    void multiTermsKeyFallsBackToTheJoinedString() {
        JsonNode bucket = JSON.createObjectNode().put("key_as_string", "a|b|c");
        assertThat(Cells.keys(bucket, 2)).containsExactly("a", "b|c");
    }

    @Test
    void topShowsEachValuesShareOfAllEventsWithTheField() throws Exception {
        PipeResult result = PipeResult.read(new Pipe.Top(2, "user.name"), json("""
                {"hits": {"total": {"value": 200, "relation": "eq"}},
                 "aggregations": {"groups": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 50,
                   "buckets": [{"key": "alice", "doc_count": 100}, {"key": "bob", "doc_count": 50}]}}}"""));
        assertThat(result.columns()).containsExactly("user.name", "count", "percent");
        assertThat(result.rows()).containsExactly(List.of("alice", "100", "50.0"), List.of("bob", "50", "25.0"));
        assertThat(result.note()).isNull();
        assertThat(result.chart().series()).containsExactly(new PipeResult.Series("count", List.of(100.0, 50.0)));
    }

    @Test
    void rareSaysItsCountsAreApproximateAndUsesFormattedKeys() throws Exception {
        PipeResult result = PipeResult.read(new Pipe.Rare(10, "tls.established"), json("""
                {"hits": {"total": {"value": 3, "relation": "eq"}},
                 "aggregations": {"groups": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0,
                   "buckets": [{"key": 0, "key_as_string": "false", "doc_count": 1},
                               {"key": 1, "key_as_string": "true", "doc_count": 2}]}}}"""));
        assertThat(result.rows()).containsExactly(List.of("false", "1", "33.3"), List.of("true", "2", "66.7"));
        assertThat(result.note()).isEqualTo("rare counts are exact on one shard, approximate across several");
    }

    @Test
    void noBucketsIsAnEmptyTable() throws Exception {
        PipeResult result = PipeResult.read(new Pipe.Top(10, "user.name"), json("""
                {"hits": {"total": {"value": 0, "relation": "eq"}},
                 "aggregations": {"groups": {"sum_other_doc_count": 0, "buckets": []}}}"""));
        assertThat(result.rows()).isEmpty();
        assertThat(result.chart().categories()).isEmpty();
    }

    @Test
    void numbersArePlain() {
        assertThat(Cells.number(3.0)).isEqualTo("3");
        assertThat(Cells.number(-0.0)).isEqualTo("0");
        assertThat(Cells.number(1234567.0)).isEqualTo("1234567");
        assertThat(Cells.number(2.5)).isEqualTo("2.5");
        assertThat(Cells.number(2.005)).isEqualTo("2.01");
        assertThat(Cells.number(1e20)).isEqualTo("100000000000000000000");
        assertThat(Cells.number(null)).isEmpty();
        assertThat(Cells.number(Double.NaN)).isEmpty();
    }

    @Test
    void chartJsonCannotCloseItsScriptElement() throws Exception {
        PipeResult result = PipeResult.read(new Pipe.Top(10, "url.path"), json("""
                {"aggregations": {"groups": {"sum_other_doc_count": 0,
                   "buckets": [{"key": "</script><b>", "doc_count": 1}]}}}"""));
        String chart = result.chartJson();
        assertThat(chart).doesNotContain("</").contains("\\u003c/script>");
        assertThat(JSON.readTree(chart).at("/categories/0").asText()).isEqualTo("</script><b>");
        assertThat(JSON.readTree(chart).at("/series/0/values/0").asDouble()).isEqualTo(1.0);
    }
}
