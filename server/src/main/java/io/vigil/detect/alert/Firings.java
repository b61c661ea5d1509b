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
            Raised current = ordered.get(0);
            for (Raised next : ordered.subList(1, ordered.size())) {
                if (next.first().isAfter(current.last().plus(gap))) {
                    folded.add(current);
                    current = next;
                } else {
                    current = merge(current, next);
                }
            }
            folded.add(current);
        }
        return folded;
    }

    private static Raised merge(Raised a, Raised b) {
        Map<String, Raised.Event> events = new LinkedHashMap<>();
        a.events().forEach(e -> events.put(e.id(), e));
        b.events().forEach(e -> events.putIfAbsent(e.id(), e));
        Set<String> sources = new LinkedHashSet<>(a.sources());
        sources.addAll(b.sources());
        Instant last = b.last().isAfter(a.last()) ? b.last() : a.last();
        return new Raised(b.ruleId(), Math.max(a.ruleVersion(), b.ruleVersion()), b.title(), b.level(), b.kind(),
                b.group(), a.first(), last, List.copyOf(events.values()), sources, a.firings() + b.firings());
    }
}
