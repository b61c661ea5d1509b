package io.vigil.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.vigil.detect.alert.Raised;
import io.vigil.detect.correlate.CorrelationEngine.Fired;
import io.vigil.detect.sigma.SigmaCorrelation;
import io.vigil.event.Level;

/** A window a correlation fired, as a firing for the alert queue. */
final class CorrelationAlerts {

    private CorrelationAlerts() {
    }

    /** A correlation's level; one without a level alerts as high. */
    static Level level(SigmaCorrelation rule) {
        return rule.level() == null ? Level.HIGH : Level.of(rule.level()).orElse(Level.HIGH);
    }

    static Raised of(Fired f, int version, Level level) {
        SigmaCorrelation rule = f.correlation().rule();
        List<Raised.Event> events = new ArrayList<>();
        long first = f.window().end();
        for (var input : f.window().inputs()) {
            first = Math.min(first, input.time());
            // a chained correlation's inputs are windows, not events
            if (!input.id().contains("@")) {
                events.add(new Raised.Event(input.id(), Instant.ofEpochMilli(input.time()), input.source()));
            }
        }
        return new Raised(f.correlation().id(), version, rule.title(), level.id(), rule.type().sigma(), f.group(),
                Instant.ofEpochMilli(first), Instant.ofEpochMilli(f.window().end()), events,
                Set.copyOf(f.window().sources()));
    }
}
