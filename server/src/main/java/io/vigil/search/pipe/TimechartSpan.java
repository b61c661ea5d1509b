package io.vigil.search.pipe;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.search.HistogramInterval;
import io.vigil.search.SearchProblem;
import io.vigil.search.TimeRange;

/**
 * The bucket width of a timechart ({@code span=5m}) and the limit on how many buckets a range may have:
 * a 1s span over a week would ask OpenSearch for 604,800 buckets and the browser to draw them.
 */
record TimechartSpan(String text, Duration length) {

    static final int MAX_BUCKETS = 1000;
    static final String NEEDED = "timechart needs span=<number><s|m|h|d>";

    private static final Pattern SPAN = Pattern.compile("(\\d{1,6})([smhd])", Pattern.CASE_INSENSITIVE);

    /** Round spans to suggest, smallest first. */
    static TimechartSpan parse(String value, int position) {
        Matcher matcher = SPAN.matcher(value);
        if (!matcher.matches()) {
            throw PipeTokens.problem(NEEDED, position);
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount == 0) {
            throw PipeTokens.problem("timechart span must be more than 0", position);
        }
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        Duration length = switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new TimechartSpan(amount + unit, length);
    }

    /** Refuses a span that would cut the range into more than {@link #MAX_BUCKETS} buckets. */
    void checkBuckets(TimeRange range, int position) {
        long buckets = buckets(range.length(), length);
        if (buckets > MAX_BUCKETS) {
            throw new SearchProblem("pipe: timechart span " + text + " over " + describe(range.length())
                    + " would make " + buckets + " buckets; use a span of at least " + smallestFitting(range.length()),
                    position);
        }
    }

    static long buckets(Duration range, Duration span) {
        long rangeMillis = range.toMillis();
        long spanMillis = span.toMillis();
        return (rangeMillis + spanMillis - 1) / spanMillis;
    }

    /** The smallest round span that fits; past 1000 days, whole days. */
    static String smallestFitting(Duration range) {
        for (HistogramInterval step : HistogramInterval.STEPS) {
            if (step.length().compareTo(Duration.ofDays(1)) <= 0 && buckets(range, step.length()) <= MAX_BUCKETS) {
                return step.expression();
            }
        }
        return buckets(range, Duration.ofDays(MAX_BUCKETS)) + "d";
    }

    /** The range in the largest unit that measures it exactly: {@code 7 days}, {@code 90 minutes}. */
    static String describe(Duration range) {
        long seconds = range.toSeconds();
        if (seconds >= 2 * 86_400 && seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds >= 3_600 && seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
