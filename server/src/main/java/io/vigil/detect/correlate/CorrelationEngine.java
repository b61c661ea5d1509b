package io.vigil.detect.correlate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.vigil.detect.correlate.CorrelationSet.Compiled;
import io.vigil.detect.sigma.SigmaCorrelation;

/**
 * Correlates as inputs arrive. A rising rule (counts, distinct values, sums, temporal types under lower
 * bounds) judges every window the new inputs belong to at once and fires those satisfied; more inputs can
 * only keep them satisfied. Any other rule waits until a window can no longer change (its end is older
 * than the lateness) and is then judged once, by {@link #settle}. Fired windows of a correlation are
 * inputs of the correlations that chain it, in the same pass. The result depends only on the inputs, not
 * on how they were split, ordered or spread over replicas, because every decision reads the shared store
 * after writing to it.
 */
public final class CorrelationEngine {

    /** A match of a rule as correlations see it: its id, time, source and fields. */
    public record Match(String ruleId, String id, long time, String source, Function<String, String> field) {
    }

    /** A window a correlation fired, with the group's values (group-by field to value). */
    public record Fired(Compiled correlation, Map<String, String> group, String groupKey, Window window) {

        /** The id chained correlations know this window by. */
        public String inputId() {
            return correlation.id() + "@" + GroupKeys.id(groupKey) + "@" + window.end();
        }
    }

    /** What a pass did: fired windows and the inputs it could not use. */
    public record Outcome(List<Fired> fired, Map<String, RuleCounts> perRule) {
    }

    /**
     * What a pass did for one correlation rule: inputs kept (new ones), windows fired, inputs later than
     * the lateness that still counted, inputs that came after their windows were decided, matches without
     * a group-by value; and the newest event time among the inputs (epoch ms, or {@code Long.MIN_VALUE}).
     */
    public record RuleCounts(long inputs, long fired, long lateCounted, long lateDropped, long ungrouped,
            long newest) {

        RuleCounts plus(RuleCounts o) {
            return new RuleCounts(inputs + o.inputs, fired + o.fired, lateCounted + o.lateCounted,
                    lateDropped + o.lateDropped, ungrouped + o.ungrouped, Math.max(newest, o.newest));
        }
    }

    /** A correlation (by id: hashing its rule would walk the whole rule) and a group. */
    private record Key(String correlation, String group) {
    }

    private static final int SETTLE_BATCH = 1_000;

    private final CorrelationStore store;
    private final long lateness;

    public CorrelationEngine(CorrelationStore store, Duration lateness) {
        this.store = store;
        this.lateness = lateness.toMillis();
    }

    /** Correlates rule matches that arrived at {@code now} (epoch ms). */
    public Outcome accept(CorrelationSet set, List<Match> matches, long now) {
        Pass pass = new Pass(now);
        for (Match match : matches) {
            pass.route(set, match);
        }
        return pass.run(set, false);
    }

    /**
     * Judges the waiting rules' windows that can no longer change (ending before now minus the
     * lateness), and passes what they fire to the correlations that chain them.
     */
    public Outcome settle(CorrelationSet set, long now) {
        return new Pass(now).run(set, true);
    }

    private static long span(Compiled c) {
        return c.rule().timespan().toMillis();
    }

    /** One pass: inputs gathered per correlation and group, run in the set's order. */
    private final class Pass {

        private final long now;
        private final Map<Key, List<CorrelationInput>> inputs = new LinkedHashMap<>();
        private final Map<Key, Map<String, String>> groups = new HashMap<>();
        private final List<Fired> fired = new ArrayList<>();
        private final java.util.Set<String> behind = new java.util.HashSet<>();
        private final Map<String, RuleCounts> counts = new HashMap<>();

        private void count(String rule, RuleCounts more) {
            counts.merge(rule, more, RuleCounts::plus);
        }

        Pass(long now) {
            this.now = now;
        }

        void route(CorrelationSet set, Match match) {
            for (CorrelationSet.Use use : set.uses(match.ruleId())) {
                SigmaCorrelation rule = use.correlation().rule();
                String reference = rule.rules().get(use.index());
                Map<String, String> group = new LinkedHashMap<>();
                for (String field : rule.groupBy()) {
                    String value = match.field().apply(rule.fieldFor(field, reference));
                    if (value == null) {
                        count(use.correlation().id(), new RuleCounts(0, 0, 0, 0, 1, Long.MIN_VALUE));
                        group = null;
                        break;
                    }
                    group.put(field, value);
                }
                if (group == null) {
                    continue;
                }
                Key key = new Key(use.correlation().id(), GroupKeys.of(group.values()));
                groups.putIfAbsent(key, group);
                inputs.computeIfAbsent(key, k -> new ArrayList<>()).add(new CorrelationInput(match.id(),
                        match.time(), use.index(), value(rule, match), match.source()));
            }
        }

        /**
         * Records the satisfied windows: those not recorded before are fired; all of them are passed on
         * to the correlations that chain this one (their store ignores inputs it has), so a replica that
         * judges a chained correlation has itself passed on every window it needs, whoever fired it.
         */
        void satisfied(CorrelationSet set, Compiled c, Map<String, String> group, String groupKey,
                List<Window> windows) {
            passOn(set, c, group, groupKey, store.fire(c.id(), groupKey, windows), windows);
        }

        /** Fires the windows recorded now; passes all satisfied ones to the correlations chaining this one. */
        private void passOn(CorrelationSet set, Compiled c, Map<String, String> group, String groupKey,
                List<Window> fresh, List<Window> windows) {
            for (Window w : fresh) {
                fired.add(new Fired(c, group, groupKey, w));
                count(c.id(), new RuleCounts(0, 1, 0, 0, 0, Long.MIN_VALUE));
            }
            if (set.uses(c.id()).isEmpty()) {
                return;
            }
            for (Window w : windows) {
                Fired f = new Fired(c, group, groupKey, w);
                route(set, new Match(c.id(), f.inputId(), w.end(), String.join(",", w.sources()), group::get));
            }
        }

        /**
         * Runs the correlations in the set's order, so a chained correlation sees what those it chains
         * fired in this pass; when settling, each waiting rule is settled after its new inputs are kept.
         */
        Outcome run(CorrelationSet set, boolean settling) {
            for (Compiled c : set.order()) {
                Map<String, List<CorrelationInput>> arrived = new LinkedHashMap<>();
                for (Key key : List.copyOf(inputs.keySet())) {
                    if (key.correlation().equals(c.id())) {
                        arrived.put(key.group(), inputs.remove(key));
                    }
                }
                if (!arrived.isEmpty()) {
                    judge(set, c, arrived);
                }
                if (settling && !c.rule().rising()) {
                    settle(set, c);
                }
            }
            return new Outcome(List.copyOf(fired), Map.copyOf(counts));
        }

        private void settle(CorrelationSet set, Compiled c) {
            long through = now - lateness;
            // a chained rule is settled only as far as what it chains is: else windows still to come would be late
            if (c.ruleIds().stream().anyMatch(behind::contains)) {
                behind.add(c.id());
                return;
            }
            var pending = store.pending(c.id(), through, SETTLE_BATCH);
            for (var group : pending) {
                long from = group.firstUnsettled();
                var inputs = store.between(c.id(), group.group(), from - span(c), through);
                satisfied(set, c, groupValues(c.rule(), group.group()), group.group(),
                        Windows.satisfied(c.rule(), inputs, from, through));
                store.settle(c.id(), group.group(), through);
            }
            if (pending.size() == SETTLE_BATCH) {
                behind.add(c.id());
            }
        }

        /**
         * Keeps what arrived for every group of one correlation, then judges the windows the new inputs
         * belong to (rising rules): those ending from each input's time to a timespan later, reading the
         * group's inputs a timespan around each new one. A few statements per correlation, whatever the
         * number of groups. Windows fired before are not judged again (they stay satisfied), unless
         * correlations chain this one: they are given every satisfied window again.
         */
        private void judge(CorrelationSet set, Compiled c, Map<String, List<CorrelationInput>> arrived) {
            Map<String, CorrelationStore.Added> added = store.addAll(c.id(), arrived);
            Map<String, List<Interval>> reads = new LinkedHashMap<>();
            Map<String, List<Interval>> ends = new LinkedHashMap<>();
            long span = span(c);
            arrived.forEach((group, inputs) -> {
                long late = inputs.stream().filter(i -> i.time() < now - lateness).count();
                long last = inputs.stream().mapToLong(CorrelationInput::time).max().orElseThrow();
                var kept = added.get(group);
                count(c.id(), new RuleCounts(kept.added(), 0, late, kept.settledAlready(), 0, last));
                var around = Interval.around(inputs.stream().map(CorrelationInput::time).toList(), span, span);
                reads.put(group, around);
                ends.put(group, around.stream().map(i -> new Interval(i.from() + span, i.to())).toList());
            });
            if (!c.rule().rising()) {
                return;
            }
            if (c.rule().type().countsRules()) {
                withRulesPresent(c, reads, ends);
            }
            Map<String, List<CorrelationInput>> windows = store.betweenAll(c.id(), reads);
            boolean chained = !set.uses(c.id()).isEmpty();
            Map<String, Set<Long>> known = chained ? Map.of() : store.firedAll(c.id(), ends);
            Map<String, List<Window>> satisfied = new LinkedHashMap<>();
            ends.forEach((group, intervals) -> satisfied.put(group, Windows.satisfied(c.rule(), windows.get(group),
                    intervals, known.getOrDefault(group, Set.of()))));
            Map<String, List<Window>> fresh = satisfied.values().stream().allMatch(List::isEmpty)
                    ? Map.of()
                    : store.fireAll(c.id(), satisfied);
            satisfied.forEach((group, all) -> passOn(set, c, groups.get(new Key(c.id(), group)), group,
                    fresh.getOrDefault(group, List.of()), all));
        }
    }

    /**
     * Drops the stretches of time (read intervals, and the window ends they hold, at the same index) in
     * which too few of a temporal rule's rules have an input for any window there to be satisfied: a
     * window's rules present, in order or not, are at most those present in the stretch around it, and
     * a rising condition that fails for more fails for fewer. A hot identity's thousands of inputs of
     * one rule are then read only where the other rules appear too; a group left with no stretch is
     * dropped, so a pass with nothing left to read makes no read.
     */
    private void withRulesPresent(Compiled c, Map<String, List<Interval>> reads, Map<String, List<Interval>> ends) {
        Map<String, List<Integer>> present = store.presentAll(c.id(), reads, c.rule().rules().size());
        present.forEach((group, counts) -> {
            List<Interval> read = new ArrayList<>();
            List<Interval> end = new ArrayList<>();
            for (int i = 0; i < counts.size(); i++) {
                if (c.rule().condition().test(counts.get(i))) {
                    read.add(reads.get(group).get(i));
                    end.add(ends.get(group).get(i));
                }
            }
            if (read.isEmpty()) {
                reads.remove(group);
                ends.remove(group);
            } else {
                reads.put(group, read);
                ends.put(group, end);
            }
        });
    }

    private static String value(SigmaCorrelation rule, Match match) {
        if (rule.fields().isEmpty()) {
            return null;
        }
        List<String> values = new ArrayList<>(rule.fields().size());
        for (String field : rule.fields()) {
            String value = match.field().apply(field);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values.size() == 1 ? values.get(0) : GroupKeys.of(values);
    }

    private static Map<String, String> groupValues(SigmaCorrelation rule, String key) {
        List<String> values = GroupKeys.values(key);
        Map<String, String> group = new LinkedHashMap<>();
        for (int i = 0; i < rule.groupBy().size() && i < values.size(); i++) {
            group.put(rule.groupBy().get(i), values.get(i));
        }
        return group;
    }
}
