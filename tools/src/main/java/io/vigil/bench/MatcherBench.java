package io.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.vigil.detect.match.EventContext;
import io.vigil.detect.match.RuleSet;

/**
 * {@code ./vigil bench matcher}: all SigmaHQ rules on one core, through {@link RuleSet} (logsource
 * buckets and the candidate index) versus brute force (every rule's matcher on every event), over the
 * CloudTrail records of the corpora and SigmaHQ's Windows regression events. The timing is JMH's
 * ({@link MatcherJmh}, one forked JVM per benchmark, warm-up then measured iterations); each figure is
 * the mean of the measured iterations, in events per second. Events are parsed up front: this measures
 * matching only.
 */
public final class MatcherBench {

    private MatcherBench() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        System.exit(run(options));
    }

    /**
     * Options: {@code --corpora DIR} (default ../shared/corpora), {@code --rounds N} and
     * {@code --round-ms N} (measured iterations and their length for every benchmark, instead of those
     * {@link MatcherJmh} states).
     */
    public static int run(Map<String, String> options) {
        Path corpora = Path.of(options.getOrDefault("--corpora", MatcherCorpus.DEFAULT_CORPORA)).toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(MatcherCorpus.sigma(corpora))) {
            System.err.println("bench matcher: no SigmaHQ corpus under " + corpora);
            return 2;
        }
        try {
            List<String> benchmarks = new ArrayList<>();
            int rules = survey(corpora, benchmarks);
            if (benchmarks.isEmpty()) {
                System.err.println("bench matcher: no events under " + corpora);
                return 2;
            }
            Map<String, Double> eps = jmh(benchmarks, corpora, options);
            double all = eps.getOrDefault("dispatched", 0.0);
            double brute = eps.getOrDefault("bruteForce", 0.0);
            double cloudtrail = eps.getOrDefault("cloudTrail", 0.0);
            double windows = eps.getOrDefault("windows", 0.0);
            System.out.println();
            line("CloudTrail", "RuleSet", cloudtrail);
            line("Windows", "RuleSet", windows);
            line("all events", "RuleSet", all);
            line("all events", "brute force", brute);
            System.out.printf("RESULT matcher_eps_per_core=%.0f rules=%d brute_force_eps_per_core=%.0f"
                    + " cloudtrail_eps=%.0f windows_eps=%.0f%n", all, rules, brute, cloudtrail, windows);
            return 0;
        } catch (IOException | RunnerException | RuntimeException e) {
            System.err.println("bench matcher: " + e);
            return 1;
        }
    }

    /**
     * Loads the corpus here too (each fork loads its own, and this copy is dropped before they start) to
     * report it and to leave out workloads without events; the number of rules.
     */
    private static int survey(Path corpora, List<String> benchmarks) throws IOException {
        MatcherCorpus corpus = MatcherCorpus.load(corpora);
        System.out.printf("%d rules, %d CloudTrail events, %d Windows events (loaded in %d ms)%n", corpus.set.size(),
                corpus.cloudtrail.size(), corpus.windows.size(), corpus.loadMillis);
        System.out.println("aws/cloudtrail bucket: " + corpus.set.describe(MatcherCorpus.CLOUDTRAIL));
        if (!corpus.mixed.isEmpty()) {
            benchmarks.addAll(List.of("dispatched", "bruteForce"));
        }
        if (!corpus.cloudtrail.isEmpty()) {
            benchmarks.add("cloudTrail");
        }
        if (!corpus.windows.isEmpty()) {
            System.out.println("windows/sysmon/process_creation bucket: "
                    + corpus.set.describe(new EventContext("windows", "sysmon", "process_creation")));
            benchmarks.add("windows");
        }
        return corpus.set.size();
    }

    /** Runs the named {@link MatcherJmh} benchmarks; their scores (events/s) by method name. */
    private static Map<String, Double> jmh(List<String> benchmarks, Path corpora, Map<String, String> options)
            throws RunnerException {
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(Pattern.quote(MatcherJmh.class.getName()) + "\\.(" + String.join("|", benchmarks) + ")$")
                // the forks inherit this JVM's class path and working directory, not its system properties
                .jvmArgsAppend("-D" + MatcherJmh.CORPORA_PROPERTY + "=" + corpora)
                // a benchmark that throws must fail the run, not leave a figure out of the RESULT line
                .shouldFailOnError(true);
        if (options.containsKey("--rounds")) {
            builder.measurementIterations(Integer.parseInt(options.get("--rounds")));
        }
        if (options.containsKey("--round-ms")) {
            builder.measurementTime(TimeValue.milliseconds(Long.parseLong(options.get("--round-ms"))));
        }
        Collection<RunResult> results = new Runner(builder.build()).run();
        Map<String, Double> eps = new HashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            eps.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        return eps;
    }

    private static void line(String workload, String how, double eps) {
        if (eps > 0) {
            System.out.printf("%-11s %-12s %,12.0f events/s (%8.1f µs/event)%n", workload, how, eps, 1e6 / eps);
        }
    }
}
