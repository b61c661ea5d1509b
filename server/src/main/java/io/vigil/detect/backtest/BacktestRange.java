package io.vigil.detect.backtest;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far back a backtest looks ({@code 24h}, {@code 7d}: the last N hours or days, up to 90 days) and
 * how wide its histogram bars are: the smallest usual width giving at most 60 bars.
 */
public record BacktestRange(Duration length, Duration bar, String text) {

    static final Duration LONGEST = Duration.ofDays(90);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,4})\\s*([hd])\\s*");
    private static final List<Duration> BAR_WIDTHS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2));
    private static final int MAX_BARS = 60;

    /** @throws IllegalArgumentException saying what a range looks like */
    public static BacktestRange parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("range: write a number of hours or days, such as 24h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        Duration length = m.group(2).equals("h") ? Duration.ofHours(n) : Duration.of(n, ChronoUnit.DAYS);
        if (n == 0 || length.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("range: from 1 hour to 90 days");
        }
        Duration bar = BAR_WIDTHS.stream().filter(w -> length.dividedBy(w) <= MAX_BARS).findFirst()
                .orElse(BAR_WIDTHS.getLast());
        return new BacktestRange(length, bar, n + m.group(2));
    }
}
