package io.vigil.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost of detection on ingest: Vigil's intake timed with every built-in rule off and on, in
 * rounds whose order alternates (off, on; on, off; ...), so that JIT warm-up, segment merges and other
 * drift of a shared machine fall on both sides alike. The medians are compared. The CPU time the
 * server and OpenSearch spend per event is compared too: it says where the cost lies, and it varies
 * far less from round to round than a rate on a shared machine does.
 */
final class RulesCost {

    /** Median rates (events/s) and median CPU per 1,000 events (ms, server and OpenSearch). */
    record Figures(double noRules, double allRules, double cpuNoRules, double cpuAllRules) {

        double cost() {
            return 1 - allRules / noRules;
        }

        /** The extra CPU time per event that the rules take, as a share of the CPU time without them. */
        double cpuCost() {
            return cpuAllRules / cpuNoRules - 1;
        }
    }

    private RulesCost() {
    }

    static Figures measure(IngestBench bench, BenchStack stack, int rounds) throws Exception {
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> cpuOff = new ArrayList<>();
        List<Double> cpuOn = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean rulesFirst = round % 2 == 1;
            for (boolean rules : new boolean[]{rulesFirst, !rulesFirst}) {
                stack.setBuiltinRules(rules);
                var phase = bench.vigilOnly();
                (rules ? on : off).add(phase.eps());
                (rules ? cpuOn : cpuOff).add(phase.cpuMs());
                System.out.printf("round %d            : %,10.0f events/s, CPU ms per 1,000 events: server %.0f"
                        + " (GC %.0f), OpenSearch %.0f; %s%n", round + 1, phase.eps(), phase.vigilCpuMs(),
                        phase.vigilGcMs(), phase.openSearchCpuMs(), rules
                                ? "all built-in rules enabled, " + phase.findings().matches() + " matches in "
                                        + phase.findings().documents() + " findings"
                                : "no rules");
            }
        }
        var figures = new Figures(median(off), median(on), median(cpuOff), median(cpuOn));
        System.out.printf("median of %d rounds: %,10.0f events/s no rules, %,10.0f events/s all rules%n", rounds,
                figures.noRules(), figures.allRules());
        System.out.printf("median CPU ms per 1,000 events (server + OpenSearch): %.0f no rules, %.0f all rules%n",
                figures.cpuNoRules(), figures.cpuAllRules());
        return figures;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
