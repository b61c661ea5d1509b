package io.vigil.event;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spans of time as Sigma and Vigil's settings write them: a whole number and s, m, h or d ({@code 90m},
 * {@code 1d}). Callers set their own bounds and say what is wrong in their own terms.
 */
public final class Spans {

    private static final Pattern SPAN = Pattern.compile("([1-9][0-9]{0,6})([smhd])");

    private Spans() {
    }

    /** The span the text writes, if it writes one. */
    public static Optional<Duration> parse(String text) {
        Matcher m = text == null ? null : SPAN.matcher(text.trim());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }
}
