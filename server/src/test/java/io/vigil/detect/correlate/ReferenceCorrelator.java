package io.vigil.detect.correlate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.vigil.detect.correlate.CorrelationEngine.Match;
import io.vigil.detect.correlate.CorrelationSet.Compiled;
import io.vigil.detect.sigma.SigmaCorrelation;
import io.vigil.detect.sigma.Threshold;

/**
 * A deliberately naive correlator, written only to check the engine: it sees the whole stream at once,
 * and for every group and every input time looks at all inputs again (no sliding state, no store, no
 * lateness), computing each aggregate from scratch; temporal order is checked over all pairs.
 * Slow on purpose: nothing in it is shared with the engine but the rule and the set's order.
 */
public final class ReferenceCorrelator {

    /** A satisfied window: correlation, group key, window end. */
    public record Hit(String correlation, String group, long end) implements Comparable<Hit> {

        @Override
        public int compareTo(Hit o) {
            int c = correlation.compareTo(o.correlation);
            c = c != 0 ? c : group.compareTo(o.group);
            return c != 0 ? c : Long.compare(end, o.end);
        }
    }

    private record Input(String id, long time, int rule, String value) {
    }

    private ReferenceCorrelator() {
    }

    public static TreeSet<Hit> run(CorrelationSet set, List<Match> matches) {
        TreeSet<Hit> hits = new TreeSet<>();
        // rule id -> matches of it (detection matches, then windows of correlations as they are found)
        Map<String, List<Match>> byRule = new LinkedHashMap<>();
        for (Match m : matches) {
            byRule.computeIfAbsent(m.ruleId(), k -> new ArrayList<>()).add(m);
        }
        for (Compiled c : set.order()) {
            SigmaCorrelation rule = c.rule();
            Map<String, List<Input>> groups = new LinkedHashMap<>();
            Map<String, Map<String, String>> groupValues = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < c.ruleIds().size(); i++) {
                for (Match m : byRule.getOrDefault(c.ruleIds().get(i), List.of())) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String g : rule.groupBy()) {
                        String v = m.field().apply(rule.fieldFor(g, rule.rules().get(i)));
                        if (v == null) {
                            values = null;
                            break;
                        }
                        values.put(g, v);
                    }
                    if (values == null || !seen.add(i + "/" + m.id())) {
                        continue;
                    }
                    String key = GroupKeys.of(values.values());
                    groupValues.put(key, values);
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Input(m.id(), m.time(), i,
                            value(rule, m)));
                }
            }
            for (var group : groups.entrySet()) {
                Set<Long> ends = new TreeSet<>();
                group.getValue().forEach(in -> ends.add(in.time()));
                for (long end : ends) {
                    List<Input> window = new ArrayList<>();
                    for (Input in : group.getValue()) {
                        if (in.time() >= end - rule.timespan().toMillis() && in.time() <= end) {
                            window.add(in);
                        }
                    }
                    if (satisfied(rule, window)) {
                        hits.add(new Hit(c.id(), group.getKey(), end));
                        Map<String, String> values = groupValues.get(group.getKey());
                        byRule.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new Match(c.id(),
                                c.id() + "@" + group.getKey() + "@" + end, end, null, values::get));
                    }
                }
            }
        }
        return hits;
    }

    private static String value(SigmaCorrelation rule, Match m) {
        if (rule.fields().isEmpty()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String f : rule.fields()) {
            String v = m.field().apply(f);
            if (v == null) {
                return null;
            }
            values.add(v);
        }
        return String.join("\u0000", values);
    }

    private static boolean satisfied(SigmaCorrelation rule, List<Input> window) {
        return switch (rule.type()) {
            case EVENT_COUNT -> holds(rule.condition(), BigDecimal.valueOf(window.size()));
            case VALUE_COUNT -> holds(rule.condition(), BigDecimal.valueOf(window.stream().map(Input::value)
                    .filter(v -> v != null).distinct().count()));
            case TEMPORAL -> holds(rule.condition(), BigDecimal.valueOf(window.stream().mapToInt(Input::rule)
                    .distinct().count()));
            case TEMPORAL_ORDERED -> ordered(window, rule.rules().size());
            case VALUE_SUM -> holds(rule.condition(), numbers(window).stream().filter(x -> x.signum() >= 0)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            case VALUE_AVG -> {
                List<BigDecimal> xs = numbers(window);
                yield !xs.isEmpty() && holds(rule.condition(), xs.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(xs.size()), new MathContext(60)));
            }
            case VALUE_PERCENTILE, VALUE_MEDIAN -> {
                List<BigDecimal> xs = numbers(window);
                xs.sort(null);
                if (xs.isEmpty()) {
                    yield false;
                }
                // nearest rank: the smallest value with at least p% of the values at or below it
                int index = 0;
                while (BigDecimal.valueOf(index + 1).multiply(BigDecimal.valueOf(100))
                        .compareTo(rule.percentile().multiply(BigDecimal.valueOf(xs.size()))) < 0) {
                    index++;
                }
                yield holds(rule.condition(), xs.get(index));
            }
        };
    }

    /** All pairs: can rule j's input follow a chain of rules 0..j-1? */
    private static boolean ordered(List<Input> window, int rules) {
        boolean[] chained = new boolean[window.size()];
        for (int i = 0; i < window.size(); i++) {
            chained[i] = window.get(i).rule() == 0;
        }
        for (int j = 1; j < rules; j++) {
            boolean[] next = new boolean[window.size()];
            for (int x = 0; x < window.size(); x++) {
                if (window.get(x).rule() != j) {
                    continue;
                }
                for (int y = 0; y < window.size(); y++) {
                    if (chained[y] && window.get(y).time() <= window.get(x).time()) {
                        next[x] = true;
                    }
                }
            }
            chained = next;
        }
        for (boolean b : chained) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static List<BigDecimal> numbers(List<Input> window) {
        List<BigDecimal> xs = new ArrayList<>();
        for (Input in : window) {
            try {
                if (in.value() != null) {
                    xs.add(new BigDecimal(in.value()));
                }
            } catch (NumberFormatException e) {
                // not a number: not aggregated
            }
        }
        return xs;
    }

    private static boolean holds(Threshold threshold, BigDecimal x) {
        for (Threshold.Bound b : threshold.bounds()) {
            double diff = x.subtract(b.value()).signum();
            boolean ok = switch (b.op()) {
                case GT -> diff > 0;
                case GTE -> diff >= 0;
                case LT -> diff < 0;
                case LTE -> diff <= 0;
                case EQ -> diff == 0;
                case NEQ -> diff != 0;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
