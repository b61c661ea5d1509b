package io.vigil.detect.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One backtest as it stands: a rule's query run over stored events, slice by slice from the newest,
 * so progress and the histogram grow together. Immutable; the running job replaces it after each slice.
 */
public record Backtest(String id, String ruleId, String ruleTitle, String range, Instant from, Instant to,
        List<Bar> bars, long hits, List<Sample> samples, State state, String problem, Duration took) {

    public Backtest {
        bars = List.copyOf(bars);
        samples = List.copyOf(samples);
    }

    public enum State {
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    /** One bar of the histogram: the hits in {@code [start, end)}, known once the slice has run. */
    public record Bar(Instant start, Instant end, long hits, boolean done) {
    }

    /** A matching event, newest first. */
    public record Sample(String time, String index, String id, String source, String summary, String json) {
    }

    /**
     * The matches in the search page: {@code vigil.rule:"<id>"} over the backtest's range. Search runs the
     * saved version of the rule, which is what the editor held unless it has unsaved changes.
     */
    public String searchUrl() {
        return io.vigil.search.SearchForm.of("vigil.rule:\"" + ruleId + "\"", from.toString(), to.toString(), null)
                .url();
    }

    public int slicesDone() {
        return (int) bars.stream().filter(Bar::done).count();
    }

    public int percent() {
        return bars.isEmpty() ? 100 : slicesDone() * 100 / bars.size();
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    /** A bar's height in percent of the tallest; a bar with any hit shows at least a sliver. */
    public int height(Bar bar) {
        long max = bars.stream().mapToLong(Bar::hits).max().orElse(0);
        return bar.hits() == 0 || max == 0 ? 0 : (int) Math.max(2, bar.hits() * 100 / max);
    }

    /** A bar's height in the chart (0–100), at least 1 so that an empty bar still shows. */
    public int barHeight(Bar bar) {
        return Math.max(1, height(bar));
    }

    /** Where a bar starts from the chart's top (0–100): bars stand on the bottom edge. */
    public int top(Bar bar) {
        return 100 - barHeight(bar);
    }

    Backtest with(List<Bar> newBars, long newHits, List<Sample> newSamples) {
        return new Backtest(id, ruleId, ruleTitle, range, from, to, newBars, newHits, newSamples, state, problem, took);
    }

    Backtest ended(State end, String why, Duration elapsed) {
        return new Backtest(id, ruleId, ruleTitle, range, from, to, bars, hits, samples, end, why, elapsed);
    }
}
