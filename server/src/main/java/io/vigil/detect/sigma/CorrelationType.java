package io.vigil.detect.sigma;

import java.util.Arrays;
import java.util.Optional;

/** The correlation types of Sigma v2.1, with {@code value_median} (pySigma's percentile 50). */
public enum CorrelationType {

    EVENT_COUNT("event_count", false),
    VALUE_COUNT("value_count", true),
    TEMPORAL("temporal", false),
    TEMPORAL_ORDERED("temporal_ordered", false),
    VALUE_SUM("value_sum", true),
    VALUE_AVG("value_avg", true),
    VALUE_PERCENTILE("value_percentile", true),
    VALUE_MEDIAN("value_median", true);

    private final String sigma;
    private final boolean needsField;

    CorrelationType(String sigma, boolean needsField) {
        this.sigma = sigma;
        this.needsField = needsField;
    }

    /** The name rules use ({@code event_count}, ...). */
    public String sigma() {
        return sigma;
    }

    /** Whether the condition names the field it aggregates ({@code condition.field}). */
    public boolean needsField() {
        return needsField;
    }

    /** Whether the aggregate is of numbers (sum, average, percentile) rather than a count. */
    public boolean numeric() {
        return needsField && this != VALUE_COUNT;
    }

    /**
     * Whether the aggregate counts the correlated rules present in the window (in order or not), so it
     * is at most the number of those rules with an input in any stretch that holds the window.
     */
    public boolean countsRules() {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }

    public static Optional<CorrelationType> of(String name) {
        return Arrays.stream(values()).filter(t -> t.sigma.equals(name)).findFirst();
    }
}
