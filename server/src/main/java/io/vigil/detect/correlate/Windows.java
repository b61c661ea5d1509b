package io.vigil.detect.correlate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.vigil.detect.sigma.SigmaCorrelation;

/**
 * The windows of one correlation rule and group: one ends at each input's time and reaches back the
 * timespan (both ends included), so a pattern is found wherever it lies, across any clock boundary.
 * Windows that end at the same instant are the same window.
 */
public final class Windows {

    /** Time order; ties by id, so the same inputs always list in the same order. */
    public static final Comparator<CorrelationInput> ORDER = Comparator.comparingLong(CorrelationInput::time)
            .thenComparing(CorrelationInput::id).thenComparingInt(CorrelationInput::rule);

    private Windows() {
    }

    /**
     * The satisfied windows that end from {@code from} to {@code to} (both included).
     *
     * @param inputs the group's inputs in {@link #ORDER}, all of those from {@code from - timespan} to
     *        {@code to} at least
     */
    public static List<Window> satisfied(SigmaCorrelation rule, List<CorrelationInput> inputs, long from, long to) {
        return satisfied(rule, inputs, List.of(new Interval(from, to)), Set.of());
    }

    /**
     * The satisfied windows that end in one of the intervals, but not at one of the {@code known} ends
     * (windows found before: a rising rule's stay satisfied, so they are not judged again).
     *
     * @param inputs the group's inputs in {@link #ORDER}, all of those from {@code timespan} before each
     *        interval to its end at least
     * @param ends disjoint, in time order
     */
    public static List<Window> satisfied(SigmaCorrelation rule, List<CorrelationInput> inputs, List<Interval> ends,
            Set<Long> known) {
        long span = rule.timespan().toMillis();
        Aggregate aggregate = Aggregate.of(rule);
        Sources sources = new Sources();
        List<Window> found = new ArrayList<>();
        int start = 0;
        int end = 0;
        int n = inputs.size();
        int next = 0; // the first interval that does not end before the anchor
        while (end < n && next < ends.size()) {
            long anchor = inputs.get(end).time();
            // every input of this instant joins before the window is judged
            while (end < n && inputs.get(end).time() == anchor) {
                sources.add(inputs.get(end));
                aggregate.add(inputs.get(end++));
            }
            while (inputs.get(start).time() < anchor - span) {
                sources.remove(inputs.get(start));
                aggregate.remove(inputs.get(start++));
            }
            while (next < ends.size() && ends.get(next).to() < anchor) {
                next++;
            }
            if (next < ends.size() && ends.get(next).contains(anchor) && !known.contains(anchor)
                    && aggregate.satisfied(rule.condition(), anchor - span, anchor)) {
                long from = anchor - span;
                found.add(new Window(from, anchor, aggregate.value(from, anchor),
                        List.copyOf(inputs.subList(start, Math.min(end, start + Window.LISTED))), end - start,
                        sources.names()));
            }
        }
        return found;
    }

    /**
     * The sources of the window's inputs, kept as inputs join and leave: a burst fires a window at
     * every input, and walking each window's inputs for its sources made the burst quadratic.
     */
    private static final class Sources {

        private final Map<String, Integer> counts = new HashMap<>();

        void add(CorrelationInput input) {
            if (input.source() != null) {
                for (String name : input.source().split(",")) {
                    counts.merge(name, 1, Integer::sum);
                }
            }
        }

        void remove(CorrelationInput input) {
            if (input.source() != null) {
                for (String name : input.source().split(",")) {
                    counts.computeIfPresent(name, (k, v) -> v == 1 ? null : v - 1);
                }
            }
        }

        List<String> names() {
            return List.copyOf(new TreeSet<>(counts.keySet()));
        }
    }
}
