package io.vigil.detect.correlate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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
        List<Window> found = new ArrayList<>();
        int start = 0;
        int end = 0;
        int n = inputs.size();
        int next = 0; // the first interval that does not end before the anchor
        while (end < n && next < ends.size()) {
            long anchor = inputs.get(end).time();
            // every input of this instant joins before the window is judged
            while (end < n && inputs.get(end).time() == anchor) {
                aggregate.add(inputs.get(end++));
            }
            while (inputs.get(start).time() < anchor - span) {
                aggregate.remove(inputs.get(start++));
            }
            while (next < ends.size() && ends.get(next).to() < anchor) {
                next++;
            }
            if (next < ends.size() && ends.get(next).contains(anchor) && !known.contains(anchor)
                    && aggregate.satisfied(rule.condition(), anchor - span, anchor)) {
                found.add(window(inputs, start, end, anchor - span, anchor, aggregate));
            }
        }
        return found;
    }

    private static Window window(List<CorrelationInput> inputs, int start, int end, long from, long to,
            Aggregate aggregate) {
        List<CorrelationInput> listed = new ArrayList<>(Math.min(Window.LISTED, end - start));
        java.util.TreeSet<String> sources = new java.util.TreeSet<>();
        for (int i = start; i < end; i++) {
            if (listed.size() < Window.LISTED) {
                listed.add(inputs.get(i));
            }
            String source = inputs.get(i).source();
            if (source != null) {
                sources.addAll(List.of(source.split(",")));
            }
        }
        return new Window(from, to, aggregate.value(from, to), listed, end - start, List.copyOf(sources));
    }
}
