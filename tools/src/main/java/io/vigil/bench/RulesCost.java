package io.vigil.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost of detection on ingest: Vigil's intake timed with every built-in rule off and on, in
 * rounds whose order alternates (off, on; on, off; ...). Each round's two phases run back to back, so
 * the round's own ratio is compared, not rates taken minutes apart: a shared machine drifts (other
 * work, JIT, segment merges) by more than the effect measured, and the drift between rounds cancels
 * inside a pair. The median over rounds is the figure; the spread is printed with it. The CPU time the
 * server, OpenSearch and PostgreSQL spend per event is compared the same way: it says where the cost
 * lies (PostgreSQL holds correlation state and alerts, so rules load it and not the others).
 */
final class RulesCost {

    /**
     * Medians over rounds: rates (events/s) and CPU per 1,000 events (ms, server and OpenSearch) with
     * and without rules, and each round's own cost, the lowest and highest with the median.
     */
    record Figures(double noRules, double allRules, double cpuNoRules, double cpuAllRules, Spread cost,
            Spread cpuCost) {
    }

    /** The median of per-round values and their range. */
    record Spread(double median, double min, double max) {

        static Spread of(List<Double> values) {
            return new Spread(RulesCost.median(values),
                    values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
    }

    private RulesCost() {
    }

    static Figures measure(IngestBench bench, BenchStack stack, int rounds) throws Exception {
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> cpuOff = new ArrayList<>();
        List<Double> cpuOn = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        List<Double> cpuCosts = new ArrayList<>();
        // "no rules" is a source whose events skip detection: the stack's rules stay as they are for every
        // other source (a stack of ./vigil up keeps detecting its real sources meanwhile)
        stack.awaitBuiltinRules();
        for (int round = 0; round < rounds; round++) {
            boolean rulesFirst = round % 2 == 1;
            for (boolean rules : new boolean[]{rulesFirst, !rulesFirst}) {
                var phase = bench.vigilOnly(rules);
                (rules ? on : off).add(phase.eps());
                (rules ? cpuOn : cpuOff).add(phase.cpuMs());
                System.out.printf("round %d            : %,10.0f events/s, CPU ms per 1,000 events: server %.0f"
                        + " (GC %.0f), OpenSearch %.0f, PostgreSQL %.0f; %s%n", round + 1, phase.eps(),
                        phase.vigilCpuMs(), phase.vigilGcMs(), phase.openSearchCpuMs(), phase.postgresCpuMs(), rules
                                ? "rules as configured, " + phase.findings().matches() + " matches in "
                                        + phase.findings().documents() + " findings"
                                : "no rules (detection off for this source)");
            }
            costs.add(1 - on.get(round) / off.get(round));
            cpuCosts.add(cpuOn.get(round) / cpuOff.get(round) - 1);
            System.out.printf("round %d cost       : %.3f of throughput, %.3f more CPU per event%n", round + 1,
                    costs.get(round), cpuCosts.get(round));
        }
        var figures = new Figures(median(off), median(on), median(cpuOff), median(cpuOn), Spread.of(costs),
                Spread.of(cpuCosts));
        System.out.printf("median of %d rounds: %,10.0f events/s no rules, %,10.0f events/s all rules%n", rounds,
                figures.noRules(), figures.allRules());
        System.out.printf("median CPU ms per 1,000 events (server + OpenSearch + PostgreSQL): %.0f no rules, %.0f all"
                + " rules%n",
                figures.cpuNoRules(), figures.cpuAllRules());
        System.out.printf("rounds' own cost   : median %.3f (%.3f to %.3f) of throughput, median %.3f (%.3f to"
                + " %.3f) more CPU per event%n", figures.cost().median(), figures.cost().min(), figures.cost().max(),
                figures.cpuCost().median(), figures.cpuCost().min(), figures.cpuCost().max());
        return figures;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
