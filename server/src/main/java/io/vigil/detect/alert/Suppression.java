package io.vigil.detect.alert;

import java.time.Duration;
import java.util.Optional;

import io.vigil.event.Spans;

/** A suppression window as rules and packs write it ({@code 30m}): 1 minute to 30 days. */
public final class Suppression {

    private static final Duration LONGEST = Duration.ofDays(30);

    private Suppression() {
    }

    /** The window the text gives, if it is one. */
    public static Optional<Duration> parse(String text) {
        return Spans.parse(text)
                .filter(span -> span.compareTo(Duration.ofMinutes(1)) >= 0 && span.compareTo(LONGEST) <= 0);
    }
}
