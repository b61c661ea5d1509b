package io.vigil.search.pipe;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The table of a {@code stats} pipe: one row overall, or one per group with the group's values first. */
final class StatsReader {

    private StatsReader() {
    }

    static PipeResult read(Pipe.Stats stats, JsonNode response) {
        List<String> columns = new ArrayList<>(stats.by());
        stats.metrics().forEach(metric -> columns.add(metric.label()));
        String dcNote = PipeResult.countsDistinct(stats.metrics()) ? PipeResult.DC_NOTE : null;
        JsonNode aggregations = response.path("aggregations");
        if (stats.by().isEmpty()) {
            long total = total(response.path("hits").path("total"));
            List<String> row = new ArrayList<>();
            for (int i = 0; i < stats.metrics().size(); i++) {
                row.add(Cells.text(aggregations, stats.metrics().get(i), i, total));
            }
            return new PipeResult(columns, List.of(row), PipeResult.notes(dcNote), null);
        }
        JsonNode groups = aggregations.path(PipeAggregations.GROUPS);
        return grouped(stats, columns, groups,
                PipeResult.notes(Cells.cutNote(groups, PipeAggregations.MAX_GROUPS, "groups", ""), dcNote));
    }

    private static PipeResult grouped(Pipe.Stats stats, List<String> columns, JsonNode groups, String note) {
        List<List<String>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        stats.metrics().forEach(metric -> values.add(new ArrayList<>()));
        for (JsonNode bucket : groups.path("buckets")) {
            List<String> keys = stats.by().size() == 1
                    ? List.of(Cells.key(bucket))
                    : Cells.keys(bucket, stats.by().size());
            List<String> row = new ArrayList<>(keys);
            long count = Cells.count(bucket);
            for (int i = 0; i < stats.metrics().size(); i++) {
                Metric metric = stats.metrics().get(i);
                row.add(Cells.text(bucket, metric, i, count));
                values.get(i).add(Cells.value(bucket, metric, i, count));
            }
            rows.add(row);
            labels.add(String.join(" / ", keys));
        }
        List<PipeResult.Series> series = new ArrayList<>();
        for (int i = 0; i < stats.metrics().size(); i++) {
            series.add(new PipeResult.Series(stats.metrics().get(i).label(), values.get(i)));
        }
        return new PipeResult(columns, rows, note, new PipeResult.Chart("bar", labels, series));
    }

    /** {@code hits.total} is {@code {"value": n, "relation": "eq"}}, or a bare number from older servers. */
    private static long total(JsonNode total) {
        return total.isNumber() ? total.asLong() : total.path("value").asLong();
    }
}
