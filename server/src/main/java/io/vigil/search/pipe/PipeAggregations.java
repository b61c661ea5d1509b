package io.vigil.search.pipe;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.search.TimeRange;

/**
 * The {@code aggs} of a size-0 OpenSearch search that answers a pipe. The names are fixed so
 * {@link PipeResult} finds them again: {@code groups} (terms or multi_terms of stats, top and rare),
 * {@code m0}, {@code m1}… (metric i of the pipe; count has none, it is the bucket's doc_count or the
 * hits total, so the search must send {@code track_total_hits: true}), {@code over_time} (timechart
 * buckets) and {@code series} (timechart by-values).
 */
public final class PipeAggregations {

    public static final String GROUPS = "groups";
    public static final String OVER_TIME = "over_time";
    public static final String SERIES = "series";
    /** Groups of a stats by; beyond them the result notes how many events were left out. */
    public static final int MAX_GROUPS = 500;
    /** Series of a timechart by. */
    public static final int MAX_SERIES = 10;
    static final int PRECISION_THRESHOLD = 3000;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PipeAggregations() {
    }

    /** The name of the sub-aggregation of the metric at {@code index} in the pipe. */
    public static String metricName(int index) {
        return "m" + index;
    }

    public static ObjectNode aggregations(Pipe pipe, TimeRange range) {
        return switch (pipe) {
            case Pipe.Stats stats -> stats(stats);
            case Pipe.Top top -> top(top);
            case Pipe.Rare rare -> rare(rare);
            case Pipe.Timechart chart -> timechart(chart, range);
        };
    }

    private static ObjectNode stats(Pipe.Stats stats) {
        ObjectNode aggs = F.objectNode();
        if (stats.by().isEmpty()) {
            putMetrics(aggs, stats.metrics());
            return aggs;
        }
        ObjectNode groups = aggs.putObject(GROUPS);
        ObjectNode grouping;
        if (stats.by().size() == 1) {
            grouping = groups.putObject("terms").put("field", stats.by().getFirst());
        } else {
            grouping = groups.putObject("multi_terms");
            ArrayNode terms = grouping.putArray("terms");
            stats.by().forEach(field -> terms.addObject().put("field", field));
        }
        grouping.put("size", MAX_GROUPS).putObject("order").put("_count", "desc");
        putSubMetrics(groups, stats.metrics());
        return aggs;
    }

    private static ObjectNode rare(Pipe.Rare rare) {
        ObjectNode aggs = F.objectNode();
        // ascending counts are only as good as what each shard returns: ask each for more candidates
        terms(aggs, rare.field(), rare.n(), "asc").put("shard_size", Math.max(rare.n() * 10, 100));
        return aggs;
    }

    private static ObjectNode top(Pipe.Top top) {
        ObjectNode aggs = F.objectNode();
        terms(aggs, top.field(), top.n(), "desc");
        return aggs;
    }

    /** Adds {@code groups} as a terms aggregation and returns its body for further settings. */
    private static ObjectNode terms(ObjectNode aggs, String field, int size, String order) {
        ObjectNode terms = aggs.putObject(GROUPS).putObject("terms").put("field", field).put("size", size);
        terms.putObject("order").put("_count", order);
        return terms;
    }

    /**
     * Without by: metric per bucket. With by: the top series over the whole range first, each with its
     * own buckets, so every series covers every bucket (per-bucket top lists would differ bucket to bucket).
     */
    private static ObjectNode timechart(Pipe.Timechart chart, TimeRange range) {
        ObjectNode aggs = F.objectNode();
        ObjectNode parent = aggs;
        if (chart.by() != null) {
            ObjectNode series = aggs.putObject(SERIES);
            series.putObject("terms").put("field", chart.by()).put("size", MAX_SERIES).putObject("order")
                    .put("_count", "desc");
            parent = series.putObject("aggs");
        }
        ObjectNode overTime = parent.putObject(OVER_TIME);
        dateHistogram(overTime, chart.spanText(), range);
        putSubMetrics(overTime, List.of(chart.metric()));
        return aggs;
    }

    /**
     * A {@code date_histogram} over {@code @timestamp} into {@code aggregation}, with a bar for every
     * interval of the range, empty ones included: the search page's histogram and a timechart alike.
     */
    public static void dateHistogram(ObjectNode aggregation, String interval, TimeRange range) {
        ObjectNode histogram = aggregation.putObject("date_histogram");
        histogram.put("field", "@timestamp").put("fixed_interval", interval).put("min_doc_count", 0);
        histogram.putObject("extended_bounds").put("min", range.from().toEpochMilli())
                .put("max", range.to().toEpochMilli() - 1);
    }

    /** One entry per metric other than count (that is the doc_count or the hits total). */
    private static void putMetrics(ObjectNode aggs, List<Metric> metrics) {
        for (int i = 0; i < metrics.size(); i++) {
            ObjectNode metric = metric(metrics.get(i));
            if (metric != null) {
                aggs.set(metricName(i), metric);
            }
        }
    }

    /** The metrics as sub-aggregations of a bucket aggregation; no {@code aggs} at all when only counting. */
    private static void putSubMetrics(ObjectNode aggregation, List<Metric> metrics) {
        ObjectNode aggs = F.objectNode();
        putMetrics(aggs, metrics);
        if (!aggs.isEmpty()) {
            aggregation.set("aggs", aggs);
        }
    }

    /** The aggregation of a metric; null for count, which every bucket and the hits total carry anyway. */
    private static ObjectNode metric(Metric metric) {
        if (metric.fn() == Metric.Fn.COUNT) {
            return null;
        }
        ObjectNode node = F.objectNode();
        if (metric.fn() == Metric.Fn.DC) {
            node.putObject("cardinality").put("field", metric.field()).put("precision_threshold", PRECISION_THRESHOLD);
        } else {
            node.putObject(metric.fn().text()).put("field", metric.field());
        }
        return node;
    }
}
