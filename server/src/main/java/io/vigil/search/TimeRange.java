package io.vigil.search;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a search covers, as the URL states it: {@code from} and {@code to} are each {@code now},
 * {@code now-<n><unit>} (units s, m, h, d, w) or an ISO instant. Relative ranges are resolved against
 * the clock when the search runs, so a shared link means "the last 24 hours" for whoever opens it.
 */
public record TimeRange(String fromText, String toText, Instant from, Instant to) {

    /** A relative range offered by the time picker. */
    public record Preset(String from, String label) {
    }

    /** The start of "All time": whatever is stored, however old. */
    public static final String ALL_TIME = "earliest";

    public static final List<Preset> PRESETS = List.of(new Preset("now-15m", "Last 15 minutes"),
            new Preset("now-1h", "Last hour"), new Preset("now-4h", "Last 4 hours"),
            new Preset("now-24h", "Last 24 hours"), new Preset("now-7d", "Last 7 days"),
            new Preset("now-30d", "Last 30 days"), new Preset("now-90d", "Last 90 days"),
            new Preset("now-1y", "Last year"), new Preset(ALL_TIME, "All time"));

    public static final String DEFAULT_FROM = "now-24h";

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");

    private static final Pattern RELATIVE = Pattern.compile("now(?:-(\\d{1,6})([smhdwy]))?");

    /** Reads the range; a blank bound is its default (the last 24 hours up to now). */
    public static TimeRange parse(String from, String to, Instant now) {
        String fromText = blank(from) ? DEFAULT_FROM : from.trim();
        String toText = blank(to) ? "now" : to.trim();
        Instant start = instant("from", fromText, now);
        Instant end = instant("to", toText, now);
        if (start.isBefore(EARLIEST) || end.isAfter(LATEST)) {
            throw new SearchProblem("time range: search between " + EARLIEST + " and " + LATEST, -1);
        }
        if (!start.isBefore(end)) {
            throw new SearchProblem("time range: 'from' (" + fromText + ") must be before 'to' (" + toText + ")",
                    -1);
        }
        return new TimeRange(fromText, toText, start, end);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** Whether both ends follow the clock (a preset), rather than being fixed instants. */
    public boolean relative() {
        return fromText.startsWith("now") && toText.equals("now");
    }

    /** What the picker shows: a preset's label, or the two instants. */
    public String label() {
        if (toText.equals("now")) {
            for (Preset preset : PRESETS) {
                if (preset.from().equals(fromText)) {
                    return preset.label();
                }
            }
        }
        return fromText + " → " + toText;
    }

    private static Instant instant(String name, String text, Instant now) {
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            if (relative.group(1) == null) {
                return now;
            }
            long amount = Long.parseLong(relative.group(1));
            Duration unit = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                case "y" -> Duration.ofDays(365);
                default -> Duration.ofDays(7);
            };
            return now.minus(unit.multipliedBy(amount));
        }
        if (text.equals(ALL_TIME)) {
            return EARLIEST;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                // a day alone is its first moment, UTC
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADay) {
                throw new SearchProblem(
                        "time range: '" + name + "' is " + text + "; use now, now-<number><s|m|h|d|w|y>,"
                                + " a date such as 2019-06-01, an instant such as 2026-11-21T08:00:00Z, or " + ALL_TIME,
                        -1);
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
