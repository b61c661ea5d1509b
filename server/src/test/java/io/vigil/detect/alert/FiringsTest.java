package io.vigil.detect.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FiringsTest {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static Raised window(String group, int fromMinute, int toMinute, String... events) {
        return new Raised("r", 1, "Burst", "high", "event_count", Map.of("ip", group), T.plusSeconds(fromMinute * 60L),
                T.plusSeconds(toMinute * 60L),
                java.util.Arrays.stream(events).map(e -> new Raised.Event(e, T, "s")).toList(), Set.of("s"));
    }

    @Test
    void windowsOfOneGroupWithinTheSuppressionFoldIntoOneFiringCountingEach() {
        var folded = Firings.fold(List.of(window("a", 0, 5, "e1", "e2"), window("a", 1, 6, "e2", "e3"),
                window("b", 0, 5, "e9"), window("a", 3, 8, "e4")), rule -> Duration.ofMinutes(10));
        assertThat(folded).hasSize(2);
        Raised a = folded.get(0);
        assertThat(a.firings()).isEqualTo(3);
        assertThat(a.first()).isEqualTo(T);
        assertThat(a.last()).isEqualTo(T.plusSeconds(8 * 60));
        assertThat(a.events()).extracting(Raised.Event::id).containsExactly("e1", "e2", "e3", "e4");
        assertThat(folded.get(1).firings()).isEqualTo(1);
    }

    @Test
    void aFiringBeyondTheSuppressionOfTheLastStaysApart() {
        var folded = Firings.fold(List.of(window("a", 30, 35, "e2"), window("a", 0, 5, "e1")),
                rule -> Duration.ofMinutes(10));
        assertThat(folded).extracting(Raised::firings).containsExactly(1, 1);
        assertThat(folded).extracting(Raised::first).containsExactly(T, T.plusSeconds(30 * 60));
    }
}
