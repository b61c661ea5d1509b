package io.vigil.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost of detection on ingest: Vigil's intake timed with every built-in rule off and on, in
 * rounds whose order alternates (off, on; on, off; ...), so that JIT warm-up, segment merges and other
 * drift of a shared machine fall on both sides alike. The medians are compared.
 */
final class RulesCost {

    record Figures(double noRules, double allRules) {

        double cost() {
            return 1 - allRules / noRules;
        }
    }

    private RulesCost() {
    }

    static Figures measure(IngestBench bench, BenchStack stack, int rounds) throws Exception {
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean rulesFirst = round % 2 == 1;
            for (boolean rules : new boolean[]{rulesFirst, !rulesFirst}) {
                stack.setBuiltinRules(rules);
                var phase = bench.vigilOnly();
                (rules ? on : off).add(phase.eps());
                System.out.printf("round %d            : %,10.0f events/s, %s%n", round + 1, phase.eps(),
                        rules
                                ? "all built-in rules enabled, " + phase.findings() + " findings written"
                                : "no rules");
            }
        }
        var figures = new Figures(median(off), median(on));
        System.out.printf("median of %d rounds: %,10.0f events/s no rules, %,10.0f events/s all rules%n", rounds,
                figures.noRules(), figures.allRules());
        return figures;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
