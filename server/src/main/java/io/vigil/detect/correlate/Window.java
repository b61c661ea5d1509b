package io.vigil.detect.correlate;

import java.math.BigDecimal;
import java.util.List;

/**
 * A window a correlation found satisfied: the inputs of one group from {@code end - timespan} to
 * {@code end} (both included), where {@code end} is an input's time.
 *
 * @param value what the condition was compared with (count, distinct values, rules present, sum,
 *        average, percentile)
 * @param inputs the window's first inputs in time order, at most {@link #LISTED}
 * @param size how many inputs the window holds
 * @param sources the sources of its inputs, sorted
 */
public record Window(long start, long end, BigDecimal value, List<CorrelationInput> inputs, int size,
        List<String> sources) {

    /** How many contributing inputs a window lists; the count says how many there were. */
    public static final int LISTED = 100;

    public Window {
        inputs = List.copyOf(inputs);
        sources = List.copyOf(sources);
    }
}
