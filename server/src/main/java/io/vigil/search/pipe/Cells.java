package io.vigil.search.pipe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text of table cells read from OpenSearch buckets. Numbers are plain ({@code 1234}, {@code 2.5}),
 * never localised, so a copied table pastes into a spreadsheet or another query as it is.
 */
final class Cells {

    /** An integer beyond this is printed with decimals rather than risk a long overflow. */
    private static final double LARGEST_WHOLE = 1e15;

    private Cells() {
    }

    /** Integers without decimals, other numbers with at most two; empty for no value. */
    static String number(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < LARGEST_WHOLE) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A count for notes, with thousands separators: {@code 12,345}. */
    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** How many events a bucket holds. */
    static long count(JsonNode bucket) {
        return bucket.path("doc_count").asLong();
    }

    /**
     * The note for a terms aggregation cut at {@code max} buckets: how many events fall in the ones
     * left out; null when none do.
     */
    static String cutNote(JsonNode terms, int max, String noun, String tail) {
        long other = terms.path("sum_other_doc_count").asLong();
        if (other <= 0) {
            return null;
        }
        return "showing the top " + max + " " + noun + "; " + grouped(other) + " more events fall in other " + noun
                + tail;
    }

    /** A terms bucket's value: its formatted key (dates, booleans) when there is one, else the key. */
    static String key(JsonNode bucket) {
        JsonNode formatted = bucket.get("key_as_string");
        return formatted != null && !formatted.isNull() ? formatted.asText() : scalar(bucket.path("key"));
    }

    /** A multi_terms bucket's values, one per by-field; {@code key_as_string} joins them with '|'. */
    static List<String> keys(JsonNode bucket, int size) {
        JsonNode key = bucket.path("key");
        List<String> keys = new ArrayList<>(size);
        if (key.isArray()) {
            key.forEach(part -> keys.add(scalar(part)));
        } else {
            String[] parts = bucket.path("key_as_string").asText(key.asText()).split("\\|", size);
            keys.addAll(List.of(parts));
        }
        while (keys.size() < size) {
            keys.add("");
        }
        return keys;
    }

    /** A date_histogram bucket's time: the formatted key, else the epoch millis as an ISO instant. */
    static String time(JsonNode bucket) {
        JsonNode formatted = bucket.get("key_as_string");
        if (formatted != null && !formatted.isNull()) {
            return formatted.asText();
        }
        return Instant.ofEpochMilli(bucket.path("key").asLong()).toString();
    }

    /** A metric's value in a bucket (or the top-level aggregations); count is the given doc count. */
    static Double value(JsonNode bucket, Metric metric, int index, long count) {
        if (metric.fn() == Metric.Fn.COUNT) {
            return (double) count;
        }
        JsonNode value = bucket.path(PipeAggregations.metricName(index)).path("value");
        return value.isNumber() ? value.asDouble() : null;
    }

    /** As {@link #value}, as text; min, max and avg of dates come formatted by OpenSearch. */
    static String text(JsonNode bucket, Metric metric, int index, long count) {
        JsonNode formatted = bucket.path(PipeAggregations.metricName(index)).get("value_as_string");
        boolean dateLike = metric.fn() == Metric.Fn.MIN || metric.fn() == Metric.Fn.MAX
                || metric.fn() == Metric.Fn.AVG;
        if (dateLike && formatted != null && !formatted.isNull()) {
            return formatted.asText();
        }
        return number(value(bucket, metric, index, count));
    }

    private static String scalar(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        return node.isNumber() ? number(node.asDouble()) : node.asText();
    }
}
