package io.vigil.detect.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An alert's raising side while one raise works on it: when its events were, how often it fired, its
 * sources and the events it lists, and the events it takes now. State, assignee and the rest belong to
 * triage and are not touched.
 */
final class Episode {

    final UUID id;
    /** The firing that opens this alert now; null for an alert read from the table. */
    final Raised opening;
    Instant first;
    Instant last;
    int fired;
    final int events;
    final TreeSet<String> sources;
    Raised naming;
    final Map<String, Raised.Event> taken = new LinkedHashMap<>();

    Episode(UUID id, Instant first, Instant last, int fired, int events, List<String> sources) {
        this(id, null, first, last, fired, events, sources);
    }

    private Episode(UUID id, Raised opening, Instant first, Instant last, int fired, int events,
            List<String> sources) {
        this.id = id;
        this.opening = opening;
        this.first = first;
        this.last = last;
        this.fired = fired;
        this.events = events;
        this.sources = new TreeSet<>(sources);
    }

    /** A new alert that starts with the firing. */
    static Episode open(Raised raised) {
        Episode e = new Episode(UUID.randomUUID(), raised, raised.first(), raised.last(), 0, 0, List.of());
        e.take(raised);
        return e;
    }

    boolean fresh() {
        return opening != null;
    }

    /** Whether the firing's events are within the suppression window of this alert's. */
    boolean takes(Raised raised, Duration suppression) {
        return !last.isBefore(raised.first().minus(suppression)) && !first.isAfter(raised.last().plus(suppression));
    }

    /** Folds the firing in; the newest version of the rule names the alert; events are listed up to the cap. */
    void take(Raised raised) {
        fired += raised.firings();
        first = raised.first().isBefore(first) ? raised.first() : first;
        last = raised.last().isAfter(last) ? raised.last() : last;
        sources.addAll(raised.sources());
        naming = raised;
        for (Raised.Event event : raised.events()) {
            if (events + taken.size() >= AlertService.MAX_EVENTS) {
                break;
            }
            taken.putIfAbsent(event.id(), event);
        }
    }
}
