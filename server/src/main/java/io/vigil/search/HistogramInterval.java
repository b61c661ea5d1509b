package io.vigil.search;

import java.time.Duration;
import java.util.List;

/** The bar width of the hits histogram: the smallest round interval giving at most {@link #MAX_BARS} bars. */
public record HistogramInterval(String expression, Duration length) {

    static final int MAX_BARS = 120;

    /** The round intervals, shortest first: histogram bars, and the spans a timechart suggests. */
    public static final List<HistogramInterval> STEPS = List.of(of("1s", Duration.ofSeconds(1)),
            of("5s", Duration.ofSeconds(5)), of("10s", Duration.ofSeconds(10)), of("30s", Duration.ofSeconds(30)),
            of("1m", Duration.ofMinutes(1)), of("5m", Duration.ofMinutes(5)), of("10m", Duration.ofMinutes(10)),
            of("30m", Duration.ofMinutes(30)), of("1h", Duration.ofHours(1)), of("3h", Duration.ofHours(3)),
            of("6h", Duration.ofHours(6)), of("12h", Duration.ofHours(12)), of("1d", Duration.ofDays(1)),
            of("7d", Duration.ofDays(7)), of("30d", Duration.ofDays(30)), of("90d", Duration.ofDays(90)),
            of("365d", Duration.ofDays(365)));

    private static HistogramInterval of(String expression, Duration length) {
        return new HistogramInterval(expression, length);
    }

    public static HistogramInterval forRange(Duration range) {
        for (HistogramInterval step : STEPS) {
            if (range.dividedBy(step.length()) < MAX_BARS) {
                return step;
            }
        }
        return STEPS.getLast();
    }
}
