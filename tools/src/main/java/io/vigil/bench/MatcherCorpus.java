package io.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
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
 * What {@code ./vigil bench matcher} measures on: every SigmaHQ rule compiled into a {@link RuleSet} and,
 * for brute force, into one {@link RuleMatcher} each; the CloudTrail records of the corpora and SigmaHQ's
 * Windows regression events. Events are parsed here, up front, so the benchmark times matching only.
 * Loaded once by the launcher (to report the corpus) and once in each JMH fork (to run it).
 */
final class MatcherCorpus {

    /** Relative to the repository root, where {@code ./vigil} runs. */
    static final String DEFAULT_CORPORA = "../shared/corpora";

    static final EventContext CLOUDTRAIL = new EventContext("aws", "cloudtrail", null);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event with the logsource the ingest side would give it. */
    record Sample(EventFields event, EventContext context) {
    }

    final RuleSet set;
    final List<RuleMatcher> all;
    final List<Sample> cloudtrail;
    final List<Sample> windows;
    /** CloudTrail then Windows: the "all events" workload. */
    final List<Sample> mixed;
    /** Parsing and compiling the rules and reading the events. */
    final long loadMillis;

    private MatcherCorpus(RuleSet set, List<RuleMatcher> all, List<Sample> cloudtrail, List<Sample> windows,
            long loadMillis) {
        this.set = set;
        this.all = all;
        this.cloudtrail = cloudtrail;
        this.windows = windows;
        List<Sample> mixed = new ArrayList<>(cloudtrail);
        mixed.addAll(windows);
        this.mixed = List.copyOf(mixed);
        this.loadMillis = loadMillis;
    }

    /** The SigmaHQ checkout inside the corpora folder. */
    static Path sigma(Path corpora) {
        return corpora.resolve("sigma/SigmaHQ-sigma");
    }

    static MatcherCorpus load(Path corpora) throws IOException {
        Path sigma = sigma(corpora);
        if (!Files.isDirectory(sigma)) {
            throw new IOException("no SigmaHQ corpus under " + corpora.toAbsolutePath().normalize());
        }
        long start = System.nanoTime();
        Map<String, SigmaRule> rules = rules(sigma);
        List<RuleSet.Entry> entries = rules.entrySet().stream()
                .map(e -> new RuleSet.Entry(e.getKey(), e.getValue()))
                .toList();
        RuleSet set = RuleSet.of(entries);
        List<RuleMatcher> all = entries.stream().map(e -> RuleMatcher.of(e.rule())).toList();
        List<Sample> cloudtrail = cloudTrail(corpora);
        List<Sample> windows = windows(sigma, rules);
        return new MatcherCorpus(set, all, cloudtrail, windows, (System.nanoTime() - start) / 1_000_000);
    }

    /** Every compiled detection rule of the rules* folders, keyed by path and document index. */
    private static Map<String, SigmaRule> rules(Path sigma) throws IOException {
        Map<String, SigmaRule> rules = new LinkedHashMap<>();
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
        return List.copyOf(samples);
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
            for (JsonNode event : WindowsEventLogs.read(file)) {
                samples.add(new Sample(new JsonEventFields(WindowsEventLogs.flatten(event)), context));
            }
        }
        return List.copyOf(samples);
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
