package io.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.detect.match.EventContext;
import io.vigil.detect.match.EventFields;
import io.vigil.detect.match.JsonEventFields;
import io.vigil.detect.match.RuleMatcher;
import io.vigil.detect.match.RuleSet;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.testing.WindowsEventLogs;

/**
 * {@code ./vigil bench matcher}: all SigmaHQ rules on one core, through {@link RuleSet} (logsource
 * buckets and the candidate index) versus brute force (every rule's matcher on every event), over the
 * CloudTrail records of the corpora and SigmaHQ's Windows regression events. Events are parsed once up
 * front: this measures matching only. Each figure is the median of several timed rounds after warm-up.
 */
public final class MatcherBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContext CLOUDTRAIL = new EventContext("aws", "cloudtrail", null);

    /** One event with the logsource the ingest side would give it. */
    private record Sample(EventFields event, EventContext context) {
    }

    private MatcherBench() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        System.exit(run(options));
    }

    /** Options: {@code --corpora DIR} (default ../shared/corpora), {@code --rounds N}, {@code --round-ms N}. */
    public static int run(Map<String, String> options) {
        Path corpora = Path.of(options.getOrDefault("--corpora", "../shared/corpora"));
        Path sigma = corpora.resolve("sigma/SigmaHQ-sigma");
        if (!Files.isDirectory(sigma)) {
            System.err.println("bench matcher: no SigmaHQ corpus under " + corpora.toAbsolutePath().normalize());
            return 2;
        }
        try {
            Map<String, SigmaRule> rules = rules(sigma);
            List<RuleSet.Entry> entries = rules.entrySet().stream()
                    .map(e -> new RuleSet.Entry(e.getKey(), e.getValue()))
                    .toList();
            long start = System.nanoTime();
            RuleSet set = RuleSet.of(entries);
            List<RuleMatcher> all = entries.stream().map(e -> RuleMatcher.of(e.rule())).toList();
            List<Sample> cloudtrail = cloudTrail(corpora);
            List<Sample> windows = windows(sigma, rules);
            System.out.printf("%d rules (built in %d ms), %d CloudTrail events, %d Windows events%n", set.size(),
                    (System.nanoTime() - start) / 1_000_000, cloudtrail.size(), windows.size());
            System.out.println("aws/cloudtrail bucket: " + set.describe(CLOUDTRAIL));
            if (!windows.isEmpty()) {
                System.out.println("windows/sysmon/process_creation bucket: "
                        + set.describe(new EventContext("windows", "sysmon", "process_creation")));
            }
            Timer timer = new Timer(Integer.parseInt(options.getOrDefault("--rounds", "5")),
                    Integer.parseInt(options.getOrDefault("--round-ms", "1000")));
            List<Sample> mixed = new ArrayList<>(cloudtrail);
            mixed.addAll(windows);
            double[] dispatched = new double[3];
            double[] brute = new double[3];
            List<List<Sample>> workloads = List.of(cloudtrail, windows, mixed);
            List<String> names = List.of("CloudTrail", "Windows", "all events");
            for (int w = 0; w < workloads.size(); w++) {
                List<Sample> samples = workloads.get(w);
                if (samples.isEmpty()) {
                    continue;
                }
                dispatched[w] = timer.eventsPerSecond(samples, s -> count(set.matching(s.event(), s.context())));
                brute[w] = timer.eventsPerSecond(samples, s -> bruteForce(all, s.event()));
                System.out.printf("%-11s RuleSet %,12.0f events/s (%6.1f µs/event)   brute force %,10.0f events/s"
                        + " (%8.1f µs/event)%n", names.get(w), dispatched[w], 1e6 / dispatched[w], brute[w],
                        1e6 / brute[w]);
            }
            System.out.printf("RESULT matcher_eps_per_core=%.0f rules=%d brute_force_eps_per_core=%.0f"
                    + " cloudtrail_eps=%.0f windows_eps=%.0f%n", dispatched[2], set.size(), brute[2], dispatched[0],
                    dispatched[1]);
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("bench matcher: " + e);
            return 1;
        }
    }

    private static int count(List<String> matches) {
        return matches.size();
    }

    private static int bruteForce(List<RuleMatcher> all, EventFields event) {
        int n = 0;
        for (RuleMatcher m : all) {
            if (m.matches(event)) {
                n++;
            }
        }
        return n;
    }

    /** Runs the workload round after round on this thread; the median round's rate. */
    private record Timer(int rounds, int roundMillis) {

        double eventsPerSecond(List<Sample> samples, java.util.function.ToIntFunction<Sample> work) {
            long sink = 0;
            double[] rates = new double[rounds];
            for (int r = -2; r < rounds; r++) { // two warm-up rounds
                long events = 0;
                long start = System.nanoTime();
                long deadline = start + roundMillis * 1_000_000L;
                do {
                    for (Sample s : samples) {
                        sink += work.applyAsInt(s);
                    }
                    events += samples.size();
                } while (System.nanoTime() < deadline);
                if (r >= 0) {
                    rates[r] = events * 1e9 / (System.nanoTime() - start);
                }
            }
            if (sink == 42) {
                System.out.print(""); // keeps the results alive
            }
            java.util.Arrays.sort(rates);
            return rates[rounds / 2];
        }
    }

    /** Every compiled detection rule of the rules* folders, keyed by path and document index. */
    private static Map<String, SigmaRule> rules(Path sigma) throws IOException {
        Map<String, SigmaRule> rules = new java.util.LinkedHashMap<>();
        SigmaParser parser = new SigmaParser();
        try (Stream<Path> top = Files.list(sigma)) {
            for (Path dir : top.filter(p -> p.getFileName().toString().startsWith("rules")).sorted().toList()) {
                for (Path file : files(dir, ".yml")) {
                    for (SigmaResult r : parser.parse(Files.readString(file))) {
                        if (r instanceof SigmaResult.Rule rule) {
                            rules.put(sigma.relativize(file) + "#" + r.documentIndex(), rule.rule());
                        }
                    }
                }
            }
        }
        return rules;
    }

    private static List<Sample> cloudTrail(Path corpora) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (Path file : files(corpora.resolve("cloudtrail/stratus-red-team/docs/detonation-logs"), ".json")) {
            JsonNode root = JSON.readTree(file.toFile());
            (root.isArray() ? root : root.path("Records"))
                    .forEach(r -> samples.add(new Sample(new JsonEventFields(r), CLOUDTRAIL)));
        }
        Path panther = corpora.resolve("cloudtrail/panther-analysis-tests/aws_cloudtrail_rule_tests.logs.jsonl");
        if (Files.exists(panther)) {
            for (String line : Files.readAllLines(panther)) {
                samples.add(new Sample(new JsonEventFields(JSON.readTree(line)), CLOUDTRAIL));
            }
        }
        return samples;
    }

    /**
     * SigmaHQ's regression events, each with the logsource of the rule it was recorded for (its folder
     * mirrors the rule's path), flattened to the field names Sigma rules use.
     */
    private static List<Sample> windows(Path sigma, Map<String, SigmaRule> rules) throws IOException {
        List<Sample> samples = new ArrayList<>();
        Path regression = sigma.resolve("regression_data");
        for (Path file : files(regression, ".json")) {
            SigmaRule rule = rules.get(regression.relativize(file.getParent()) + ".yml#0");
            if (rule == null || rule.logsource() == null) {
                continue;
            }
            var ls = rule.logsource();
            EventContext context = new EventContext(ls.product(), ls.service(), ls.category());
            try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (it.hasNext()) {
                    JsonNode n = it.next();
                    (n.isArray() ? n : List.of(n))
                            .forEach(e -> samples
                                    .add(new Sample(new JsonEventFields(WindowsEventLogs.flatten(e)), context)));
                }
            }
        }
        return samples;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

}
