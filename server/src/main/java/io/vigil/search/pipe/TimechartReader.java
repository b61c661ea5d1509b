package io.vigil.search.pipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The table of a {@code timechart}: one row per time bucket, one column per series (the metric itself,
 * or each of the top by-values), and a line chart over the bucket starts.
 */
final class TimechartReader {

    private TimechartReader() {
    }

    static PipeResult read(Pipe.Timechart chart, JsonNode aggregations) {
        String dcNote = PipeResult.countsDistinct(List.of(chart.metric())) ? PipeResult.DC_NOTE : null;
        Map<String, JsonNode> series = new LinkedHashMap<>();
        String cutNote = null;
        if (chart.by() == null) {
            series.put(chart.metric().label(), aggregations.path(PipeAggregations.OVER_TIME).path("buckets"));
        } else {
            JsonNode top = aggregations.path(PipeAggregations.SERIES);
            for (JsonNode bucket : top.path("buckets")) {
                series.put(Cells.key(bucket), bucket.path(PipeAggregations.OVER_TIME).path("buckets"));
            }
            cutNote = Cells.cutNote(top, PipeAggregations.MAX_SERIES, "series", ", not shown");
        }
        return table(chart.metric(), series, PipeResult.notes(cutNote, dcNote));
    }

    /** Each series' buckets by start, and every start with its time text, in order. */
    private record Aligned(TreeMap<Long, String> times, List<Map<Long, JsonNode>> series) {

        static Aligned of(Iterable<JsonNode> series) {
            TreeMap<Long, String> times = new TreeMap<>();
            List<Map<Long, JsonNode>> aligned = new ArrayList<>();
            for (JsonNode buckets : series) {
                Map<Long, JsonNode> byStart = new TreeMap<>();
                for (JsonNode bucket : buckets) {
                    long start = bucket.path("key").asLong();
                    times.putIfAbsent(start, Cells.time(bucket));
                    byStart.put(start, bucket);
                }
                aligned.add(byStart);
            }
            return new Aligned(times, aligned);
        }
    }

    /** Lines the series up by bucket start; a series without a bucket counts 0 there, other metrics have a gap. */
    private static PipeResult table(Metric metric, Map<String, JsonNode> series, String note) {
        Aligned aligned = Aligned.of(series.values());
        List<String> columns = new ArrayList<>(List.of("time"));
        columns.addAll(series.keySet());
        List<List<String>> rows = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        aligned.series().forEach(one -> values.add(new ArrayList<>()));
        aligned.times().forEach((start, time) -> {
            List<String> row = new ArrayList<>(List.of(time));
            for (int s = 0; s < aligned.series().size(); s++) {
                JsonNode bucket = aligned.series().get(s).get(start);
                Double value = bucket == null ? missing(metric) : Cells.value(bucket, metric, 0, Cells.count(bucket));
                row.add(bucket == null ? Cells.number(value) : Cells.text(bucket, metric, 0, Cells.count(bucket)));
                values.get(s).add(value);
            }
            rows.add(row);
        });
        return new PipeResult(columns, rows, note, chart(aligned.times(), series, values));
    }

    private static PipeResult.Chart chart(TreeMap<Long, String> times, Map<String, JsonNode> series,
            List<List<Double>> values) {
        List<String> categories = times.keySet().stream().map(String::valueOf).toList();
        List<PipeResult.Series> lines = new ArrayList<>();
        int s = 0;
        for (String name : series.keySet()) {
            lines.add(new PipeResult.Series(name, values.get(s++)));
        }
        return new PipeResult.Chart("line", categories, lines);
    }

    private static Double missing(Metric metric) {
        return metric.fn() == Metric.Fn.COUNT ? 0.0 : null;
    }

}
