package io.vigil.detect.correlate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A stretch of event time, epoch ms, both ends included. */
public record Interval(long from, long to) {

    /**
     * The stretches from {@code before} ms before to {@code after} ms after each of the times, those that
     * overlap or touch merged, in time order: what a batch of inputs spread over a day needs of a group's
     * state, instead of the whole day from its first to its last.
     */
    public static List<Interval> around(Collection<Long> times, long before, long after) {
        List<Interval> merged = new ArrayList<>();
        times.stream().sorted().distinct().forEach(t -> {
            long from = t - before;
            long to = t + after;
            int last = merged.size() - 1;
            if (last >= 0 && from <= merged.get(last).to() + 1) {
                merged.set(last, new Interval(merged.get(last).from(), Math.max(to, merged.get(last).to())));
            } else {
                merged.add(new Interval(from, to));
            }
        });
        return merged;
    }

    boolean contains(long time) {
        return time >= from && time <= to;
    }
}
