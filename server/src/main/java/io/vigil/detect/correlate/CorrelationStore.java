package io.vigil.detect.correlate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where correlation state lives: every input of a rule and group, the windows already fired, and how far
 * each group of a waiting rule is settled. Shared by all replicas (PostgreSQL), or in memory for one
 * process (tests, conformance). Implementations make {@link #add} and {@link #fire} idempotent, so two
 * replicas that both evaluate a window record it once.
 */
public interface CorrelationStore {

    /** What {@link #add} kept. */
    record Added(int added, int settledAlready) {
    }

    /** A group of a waiting rule with inputs after the time it is settled through. */
    record Pending(String group, long settledThrough, long firstUnsettled) {
    }

    /**
     * Keeps the inputs of one rule and group; an input kept already (same id from the same correlated
     * rule) is not kept again.
     * Inputs at or before the group's settled time are kept but counted in {@code settledAlready}: the
     * windows they belong to were decided without them.
     */
    Added add(String rule, String group, List<CorrelationInput> inputs);

    /** {@link #add} for several groups of one rule; stores that can do it in one round trip do. */
    default Map<String, Added> addAll(String rule, Map<String, List<CorrelationInput>> byGroup) {
        Map<String, Added> added = new LinkedHashMap<>();
        byGroup.forEach((group, inputs) -> added.put(group, add(rule, group, inputs)));
        return added;
    }

    /**
     * {@link #between} for several groups of one rule, each over its own intervals (disjoint, in time
     * order): the inputs in any of them, in {@link Windows#ORDER}.
     */
    default Map<String, List<CorrelationInput>> betweenAll(String rule, Map<String, List<Interval>> ranges) {
        Map<String, List<CorrelationInput>> inputs = new LinkedHashMap<>();
        ranges.forEach((group, intervals) -> {
            List<CorrelationInput> in = new ArrayList<>();
            intervals.forEach(i -> in.addAll(between(rule, group, i.from(), i.to())));
            inputs.put(group, in);
        });
        return inputs;
    }

    /**
     * How many of the correlated rules (bases {@code 0} to {@code bases - 1}) have an input in each of
     * each group's intervals, in the intervals' order: a temporal rule's window needs its rules present,
     * so an interval without enough of them need not be read.
     */
    default Map<String, List<Integer>> presentAll(String rule, Map<String, List<Interval>> ranges, int bases) {
        Map<String, List<Integer>> present = new LinkedHashMap<>();
        ranges.forEach((group, intervals) -> present.put(group, intervals.stream()
                .map(i -> (int) between(rule, group, i.from(), i.to()).stream().mapToInt(CorrelationInput::rule)
                        .distinct().count())
                .toList()));
        return present;
    }

    /** {@link #fired} for several groups of one rule, each over its own intervals. */
    default Map<String, Set<Long>> firedAll(String rule, Map<String, List<Interval>> ends) {
        Map<String, Set<Long>> fired = new LinkedHashMap<>();
        ends.forEach((group, intervals) -> {
            Set<Long> in = new HashSet<>();
            intervals.forEach(i -> in.addAll(fired(rule, group, i.from(), i.to())));
            fired.put(group, in);
        });
        return fired;
    }

    /** {@link #fire} for several groups of one rule. */
    default Map<String, List<Window>> fireAll(String rule, Map<String, List<Window>> byGroup) {
        Map<String, List<Window>> fired = new LinkedHashMap<>();
        byGroup.forEach((group, windows) -> fired.put(group, fire(rule, group, windows)));
        return fired;
    }

    /** The group's inputs from {@code from} to {@code to} (both included), in {@link Windows#ORDER}. */
    List<CorrelationInput> between(String rule, String group, long from, long to);

    /** The ends of the group's windows fired so far that end from {@code from} to {@code to}. */
    Set<Long> fired(String rule, String group, long from, long to);

    /** Records fired windows (by their end); returns those not recorded before. */
    List<Window> fire(String rule, String group, List<Window> windows);

    /** Groups of the rule with inputs after their settled time and at or before {@code through}. */
    List<Pending> pending(String rule, long through, int limit);

    /** The group's windows ending at or before {@code through} are decided. */
    void settle(String rule, String group, long through);

    /** Forgets inputs older than {@code before} (no open window can reach them); returns how many. */
    long evict(String rule, long before);

    /**
     * Keeps at most {@code keep} inputs of the rule, the newest: the rest are shed (windows that would have
     * reached them may no longer fire, so the rule's health counts them and admins get an alert). Returns
     * how many were shed.
     */
    long shed(String rule, long keep);
}
