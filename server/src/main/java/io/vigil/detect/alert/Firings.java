package io.vigil.detect.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Firings of one rule and group that one raise would fold into the same alert, folded beforehand: a
 * burst that satisfies a correlation's window at every event becomes one update of its alert per
 * pass, not one transaction per window. Firings are folded in time order while each starts within the
 * rule's suppression window of the last, as {@link AlertService} would fold them one by one.
 */
final class Firings {

    private Firings() {
    }

    static List<Raised> fold(List<Raised> firings, Function<String, Duration> suppression) {
        Map<List<Object>, List<Raised>> byGroup = new LinkedHashMap<>();
        for (Raised r : firings) {
            byGroup.computeIfAbsent(List.of(r.ruleId(), r.group()), k -> new ArrayList<>()).add(r);
        }
        List<Raised> folded = new ArrayList<>(firings.size());
        for (List<Raised> group : byGroup.values()) {
            if (group.size() == 1) {
                folded.add(group.get(0));
                continue;
            }
            Duration gap = suppression.apply(group.get(0).ruleId());
            List<Raised> ordered = new ArrayList<>(group);
            ordered.sort(Comparator.comparing(Raised::first).thenComparing(Raised::last));
            Folding current = new Folding(ordered.get(0));
            for (Raised next : ordered.subList(1, ordered.size())) {
                if (next.first().isAfter(current.last.plus(gap))) {
                    folded.add(current.raised());
                    current = new Folding(next);
                } else {
                    current.add(next);
                }
            }
            folded.add(current.raised());
        }
        return folded;
    }

    /**
     * Firings being folded into one: events and sources are gathered in place (a burst of a thousand
     * windows is not copied a thousand times); the latest firing names the result.
     */
    private static final class Folding {

        private final Map<String, Raised.Event> events = new LinkedHashMap<>();
        private final Set<String> sources = new LinkedHashSet<>();
        private final Instant first;
        private Instant last;
        private Raised latest;
        private int version;
        private int firings;

        Folding(Raised r) {
            first = r.first();
            last = r.last();
            latest = r;
            version = r.ruleVersion();
            firings = r.firings();
            r.events().forEach(e -> events.put(e.id(), e));
            sources.addAll(r.sources());
        }

        void add(Raised b) {
            b.events().forEach(e -> events.putIfAbsent(e.id(), e));
            sources.addAll(b.sources());
            last = b.last().isAfter(last) ? b.last() : last;
            version = Math.max(version, b.ruleVersion());
            firings += b.firings();
            latest = b;
        }

        Raised raised() {
            return new Raised(latest.ruleId(), version, latest.title(), latest.level(), latest.kind(), latest.group(),
                    first, last, List.copyOf(events.values()), sources, firings);
        }
    }
}
