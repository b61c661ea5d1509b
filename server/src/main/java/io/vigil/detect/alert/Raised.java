package io.vigil.detect.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule firing that may need an analyst: a finding of a rule at or above the alert level, or a
 * correlation's satisfied window. Alerts fold firings of one rule and group into one episode.
 *
 * @param kind {@code single}, or the correlation type
 * @param group the group's fields and values, in group-by order
 * @param events the events behind this firing that it lists
 * @param firings how many firings this is (several windows of one group in one pass are raised as one)
 */
public record Raised(String ruleId, int ruleVersion, String title, String level, String kind,
        Map<String, String> group, Instant first, Instant last, List<Event> events, Set<String> sources,
        int firings) {

    /** An event behind an alert. */
    public record Event(String id, Instant time, String source) {
    }

    /** One firing. */
    public Raised(String ruleId, int ruleVersion, String title, String level, String kind, Map<String, String> group,
            Instant first, Instant last, List<Event> events, Set<String> sources) {
        this(ruleId, ruleVersion, title, level, kind, group, first, last, events, sources, 1);
    }

    public Raised {
        group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
        events = List.copyOf(events);
        sources = Set.copyOf(sources);
    }
}
