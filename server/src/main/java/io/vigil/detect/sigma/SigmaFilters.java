package io.vigil.detect.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds Sigma global filters (filters specification v2.1) into the rules they name. A filter applies to a
 * rule when the rule's id is in the filter's {@code rules} and the filter's log source covers the rule's;
 * the rule's detection then becomes {@code (rule condition) and (filter condition)}, one {@code and}
 * operand per applicable filter, which is how pySigma applies them. The filter's own condition says what
 * survives, so a suppressing filter is written {@code not selection}.
 *
 * <p>
 * Pure: rules and filters are records and are never changed; a rule no filter applies to is returned as
 * it was. Immutable and thread-safe.
 */
public final class SigmaFilters {

    /** Filters by the lower-cased rule reference they name, each list in the order the filters were given. */
    private final Map<String, List<SigmaFilter>> byRule;

    public SigmaFilters(List<SigmaFilter> filters) {
        Map<String, List<SigmaFilter>> index = new HashMap<>();
        for (SigmaFilter filter : filters) {
            for (String ref : filter.rules()) {
                List<SigmaFilter> list = index.computeIfAbsent(key(ref), k -> new ArrayList<>());
                // a filter naming the same rule twice must still apply once
                if (list.isEmpty() || list.getLast() != filter) {
                    list.add(filter);
                }
            }
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byRule = Map.copyOf(index);
    }

    /**
     * A rule after filtering.
     *
     * @param rule the rule with the applied filters folded into its detection; metadata and YAML unchanged
     * @param filters the filters applied, in order: the searches of the n-th (from 1) are named
     *        {@code filter<n>:<name>}
     */
    public record Filtered(SigmaRule rule, List<SigmaFilter> filters) {

        public Filtered {
            filters = List.copyOf(filters);
        }

        /** Each applied filter's id, or its title when it has none: {@code id} is optional in the spec. */
        public List<String> filterIds() {
            return filters.stream().map(f -> f.id() != null ? f.id() : f.title()).toList();
        }
    }

    /** The rule with every applicable filter folded in. */
    public Filtered apply(SigmaRule rule) {
        if (rule.id() == null) {
            return new Filtered(rule, List.of());
        }
        List<SigmaFilter> applicable = byRule.getOrDefault(key(rule.id()), List.of()).stream()
                .filter(f -> covers(f.logsource(), rule.logsource()))
                .toList();
        if (applicable.isEmpty()) {
            return new Filtered(rule, List.of());
        }
        Detection detection = combine(rule.detection(), applicable);
        return new Filtered(new SigmaRule(rule.id(), rule.name(), rule.title(), rule.status(), rule.level(),
                rule.description(),
                rule.author(), rule.references(), rule.tags(), rule.logsource(), rule.falsepositives(), detection,
                rule.yaml()), applicable);
    }

    /**
     * Whether the filter applies to the rule. Rules are referenced by id only: the spec lets a reference
     * be a rule's {@code name} as well, but {@link SigmaRule} does not keep names, so a filter naming a
     * rule by name never applies.
     */
    public static boolean applies(SigmaFilter filter, SigmaRule rule) {
        return rule.id() != null && filter.rules().stream().anyMatch(r -> key(r).equals(key(rule.id())))
                && covers(filter.logsource(), rule.logsource());
    }

    /**
     * Whether a filter's log source covers a rule's: every key the filter states must be stated by the rule
     * with the same value. The spec leaves the rule to the rules specification; this is pySigma's
     * {@code SigmaLogSource.__contains__}, compared ignoring case since the spec has the values lower case
     * and an author's capital should not silently disable a filter. {@code definition} is prose, which the
     * spec says converters do not evaluate, so it is ignored.
     */
    static boolean covers(SigmaRule.LogSource filter, SigmaRule.LogSource rule) {
        return same(filter.product(), rule.product()) && same(filter.category(), rule.category())
                && same(filter.service(), rule.service());
    }

    private static boolean same(String filterValue, String ruleValue) {
        return filterValue == null || filterValue.equalsIgnoreCase(ruleValue);
    }

    /** UUIDs are case-insensitive (RFC 9562) and ids are UUIDs by recommendation, so references are too. */
    private static String key(String ref) {
        return ref.strip().toLowerCase(Locale.ROOT);
    }

    private static Detection combine(Detection rule, List<SigmaFilter> filters) {
        Map<String, Search> searches = new LinkedHashMap<>(rule.searches());
        Set<String> taken = new HashSet<>(searches.keySet());
        List<Condition> operands = new ArrayList<>(filters.size() + 1);
        operands.add(rule.condition());
        for (int i = 0; i < filters.size(); i++) {
            Detection filter = filters.get(i).detection();
            String prefix = prefix(i + 1, taken);
            Map<String, String> names = new HashMap<>();
            filter.searches().forEach((name, search) -> {
                names.put(name, prefix + name);
                searches.put(prefix + name, search);
                taken.add(prefix + name);
            });
            operands.add(rename(filter.condition(), names));
        }
        return new Detection(searches, new Condition.And(operands));
    }

    /**
     * {@code filter<n>:}, or {@code filter<n>#<k>:} when a name already in use starts with that. A quoted
     * YAML key can be any string, so no prefix is unreachable by syntax alone; a prefix that starts no
     * name in use makes every name built on it new, whatever the filter's own names are.
     */
    private static String prefix(int n, Set<String> taken) {
        String prefix = "filter" + n + ":";
        for (int k = 2; startsAny(prefix, taken); k++) {
            prefix = "filter" + n + "#" + k + ":";
        }
        return prefix;
    }

    private static boolean startsAny(String prefix, Set<String> names) {
        return names.stream().anyMatch(name -> name.startsWith(prefix));
    }

    /**
     * The condition over renamed searches. In {@code Of} the resolved {@code names} are what matchers and
     * translators read; the pattern is left as the filter's author wrote it, for display.
     */
    private static Condition rename(Condition c, Map<String, String> names) {
        return switch (c) {
            case Condition.Ref ref -> new Condition.Ref(names.get(ref.name()));
            case Condition.Not not -> new Condition.Not(rename(not.operand(), names));
            case Condition.And and -> new Condition.And(and.operands().stream().map(o -> rename(o, names)).toList());
            case Condition.Or or -> new Condition.Or(or.operands().stream().map(o -> rename(o, names)).toList());
            case Condition.Of of -> new Condition.Of(of.all(), of.pattern(), of.names().stream().map(names::get)
                    .toList());
        };
    }
}
