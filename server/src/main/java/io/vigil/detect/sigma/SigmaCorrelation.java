package io.vigil.detect.sigma;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A compiled Sigma correlation rule: which rules it correlates (ids or names, as written), how events
 * are grouped, the window and the condition. References are resolved against the rule set by the
 * correlation engine, which also refuses unknown rules and cycles.
 *
 * @param fields the aggregated fields ({@code condition.field}): one for sums, averages and percentiles,
 *        one or more for {@code value_count} (distinct combinations); empty for the other types
 * @param percentile for {@code value_percentile} and {@code value_median} (50), else null
 * @param aliases alias to (rule reference to the field that rule's events hold it in)
 * @param generate whether the correlated rules also stand alone (their own findings raise alerts)
 */
public record SigmaCorrelation(
        String id,
        String name,
        String title,
        String status,
        String level,
        String description,
        List<String> tags,
        CorrelationType type,
        List<String> rules,
        List<String> groupBy,
        Duration timespan,
        Threshold condition,
        List<String> fields,
        BigDecimal percentile,
        Map<String, Map<String, String>> aliases,
        boolean generate,
        String yaml) {

    public SigmaCorrelation {
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        fields = List.copyOf(fields);
        aliases = Map.copyOf(aliases);
    }

    /**
     * Whether a satisfied window stays satisfied when more events join it: counts, distinct values,
     * sums and the temporal types under lower bounds. Such a rule fires as soon as a window is
     * satisfied; any other waits until the window can no longer change (its end plus the lateness).
     */
    public boolean rising() {
        return switch (type) {
            case EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED, VALUE_SUM -> condition.rising();
            case VALUE_AVG, VALUE_PERCENTILE, VALUE_MEDIAN -> false;
        };
    }

    /** The field a rule's events hold a group-by name in: its alias for that rule, else the name itself. */
    public String fieldFor(String groupBy, String ruleReference) {
        Map<String, String> alias = aliases.get(groupBy);
        return alias == null ? groupBy : alias.getOrDefault(ruleReference, groupBy);
    }
}
