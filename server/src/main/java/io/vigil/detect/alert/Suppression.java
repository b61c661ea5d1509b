package io.vigil.detect.alert;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A suppression window as rules and packs write it: a whole number and s, m, h or d, 1 minute to 30 days. */
public final class Suppression {

    private static final Pattern SPAN = Pattern.compile("([1-9][0-9]{0,5})([smhd])");
    private static final Duration LONGEST = Duration.ofDays(30);

    private Suppression() {
    }

    /** The window the text gives, if it is one. */
    public static Optional<Duration> parse(String text) {
        Matcher m = text == null ? null : SPAN.matcher(text.trim());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration span = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        return span.compareTo(Duration.ofMinutes(1)) < 0 || span.compareTo(LONGEST) > 0
                ? Optional.empty()
                : Optional.of(span);
    }
}
