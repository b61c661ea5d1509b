package io.vigil.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vigil.devstack.StackException;

/**
 * {@code ./vigil bench <name> [--option value ...]}. Each benchmark prints its figures and ends with
 * one line {@code RESULT key=value ...}, so runs can be compared.
 */
public final class BenchCli {

    private BenchCli() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !List.of("ingest", "search", "matcher", "latency").contains(args[0])) {
            System.err.println(
                    "usage: vigil bench ingest [--events N] [--batch N] [--senders N] [--rules all [--rounds N]]\n"
                            + "       vigil bench search [--events N] [--reps N] [--senders N] [--warm-up SECONDS]\n"
                            + "       vigil bench matcher [--corpora DIR] [--rounds N] [--round-ms N]\n"
                            + "       vigil bench latency [--seconds N] [--eps N] [--syslog-lps N]"
                            + " [--scenarios-per-minute N] [--idle N]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args[0].equals("matcher")) {
            // the matcher alone, in this JVM: no stack needed
            System.exit(MatcherBench.run(options));
        }
        // exit only after the stack this run started is stopped again
        System.exit(run(args[0], options));
    }

    private static int run(String name, Map<String, String> options) {
        try (var stack = BenchStack.attachOrStart(System.getenv())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            return switch (name) {
                case "search" -> search(stack, options);
                case "latency" -> latency(stack, options);
                default -> ingest(stack, options);
            };
        } catch (StackException e) {
            System.err.println("vigil bench: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("vigil bench: " + e);
            return 1;
        }
    }

    private static int ingest(BenchStack stack, Map<String, String> options) throws Exception {
        try {
            return measureIngest(stack, options);
        } finally {
            stack.dropCreatedSources();
        }
    }

    private static int measureIngest(BenchStack stack, Map<String, String> options) throws Exception {
        var bench = new IngestBench(stack, intOption(options, "--events", 100_000),
                intOption(options, "--batch", 1000), intOption(options, "--senders", 4));
        boolean withRules = "all".equals(options.get("--rules"));
        // with --rules all, the comparison with raw _bulk is made on a source whose events skip detection;
        // the stack's rules are never switched (other sources keep being detected)
        var result = bench.run(!withRules);
        System.out.printf("Vigil HTTP intake : %,10.0f events/s  (peak server RSS %d MB)%s%n", result.vigilEps(),
                result.rssMb(), withRules ? ", no rules" : ", rules as configured");
        System.out.printf("raw OpenSearch bulk: %,10.0f events/s%n", result.rawEps());
        if (!withRules) {
            System.out.printf("RESULT vigil_eps=%.0f raw_eps=%.0f ratio=%.2f rss_mb=%d%n", result.vigilEps(),
                    result.rawEps(), result.vigilEps() / result.rawEps(), result.rssMb());
            return 0;
        }
        var cost = RulesCost.measure(bench, stack, intOption(options, "--rounds", 9));
        System.out.printf(Locale.ROOT, "RESULT vigil_eps=%.0f raw_eps=%.0f ratio=%.2f rss_mb=%d eps_no_rules=%.0f "
                + "eps_all_rules=%.0f rules_cost=%.2f rules_cpu_cost=%.2f%n", result.vigilEps(), result.rawEps(),
                result.vigilEps() / result.rawEps(), result.rssMb(), cost.noRules(), cost.allRules(),
                cost.cost().median(), cost.cpuCost().median());
        return 0;
    }

    private static int search(BenchStack stack, Map<String, String> options) throws Exception {
        var result = new SearchBench(stack, intOption(options, "--events", 5_000_000),
                intOption(options, "--reps", 30), intOption(options, "--senders", 4),
                Duration.ofSeconds(intOption(options, "--warm-up", 180))).run();
        // Locale.ROOT: the line is read by scripts, which expect a decimal point
        System.out.printf(Locale.ROOT, "RESULT p50_ms=%d p95_ms=%d raw_p95_ms=%d overhead=%.2f%n",
                Math.round(result.p50Ms()), Math.round(result.p95Ms()), Math.round(result.rawP95Ms()),
                result.overhead());
        return 0;
    }

    private static int latency(BenchStack stack, Map<String, String> options) throws Exception {
        LatencyBench.Result result;
        try {
            // --scenarios-per-minute counts each kind: 24 a minute is 24 single and 24 correlation attacks
            result = new LatencyBench(stack, Duration.ofSeconds(intOption(options, "--seconds", 60)),
                    intOption(options, "--eps", 2000), intOption(options, "--syslog-lps", 500),
                    intOption(options, "--scenarios-per-minute", 24), intOption(options, "--idle", 5)).run();
        } finally {
            // before the RESULT line, which ends the output
            stack.dropCreatedSources();
        }
        // a kind with no alert seen shows -1
        System.out.printf(Locale.ROOT, "RESULT single_p50_ms=%d single_p95_ms=%d correlation_p50_ms=%d "
                + "correlation_p95_ms=%d eps=%.0f missed=%d idle_single_p50_ms=%d idle_correlation_p50_ms=%d%n",
                Math.round(result.single().p50Ms()), Math.round(result.single().p95Ms()),
                Math.round(result.correlation().p50Ms()), Math.round(result.correlation().p95Ms()), result.eps(),
                result.missed(), Math.round(result.idleSingle().p50Ms()), Math.round(result.idleCorrelation().p50Ms()));
        return 0;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StackException(name + " " + value + " is not a number");
        }
    }
}
