package io.vigil.search.pipe;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The table of {@code top} and {@code rare}: value, count and its share of all events holding the field,
 * the events of the values not shown included.
 */
final class RankedReader {

    private RankedReader() {
    }

    static PipeResult read(String field, JsonNode aggregations, String note) {
        JsonNode groups = aggregations.path(PipeAggregations.GROUPS);
        long total = groups.path("sum_other_doc_count").asLong();
        for (JsonNode bucket : groups.path("buckets")) {
            total += Cells.count(bucket);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (JsonNode bucket : groups.path("buckets")) {
            String value = Cells.key(bucket);
            long count = Cells.count(bucket);
            double percent = total == 0 ? 0 : count * 100.0 / total;
            rows.add(List.of(value, Long.toString(count), Cells.percent(percent)));
            labels.add(value);
            counts.add((double) count);
        }
        PipeResult.Chart chart = new PipeResult.Chart("bar", labels, List.of(new PipeResult.Series("count", counts)));
        return new PipeResult(List.of(field, "count", "percent"), rows, note, chart);
    }
}
