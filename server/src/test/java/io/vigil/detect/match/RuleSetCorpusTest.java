package io.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.testing.Corpora;
import io.vigil.testing.WindowsEventLogs;

/**
 * The dispatch must never skip a rule that would match: over every SigmaHQ rule and real events
 * (CloudTrail detonations and test records, the Windows events of SigmaHQ's regression data) under
 * every logsource some rule states, {@link RuleSet#matching} must equal checking each compatible rule.
 * Events are also tried with their text upper-cased and their numbers turned into text or decimals, to
 * exercise the index's case folding and number keys. Skipped when the corpora are absent.
 */
class RuleSetCorpusTest {

    private static final Path CORPORA = corpora();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Case(String name, JsonNode event) {
    }

    @Test
    void dispatchAgreesWithCheckingEveryCompatibleRule() throws IOException {
        assumeTrue(CORPORA != null, "no ../shared/corpora");
        List<RuleSet.Entry> rules = rules(CORPORA.resolve("sigma/SigmaHQ-sigma"));
        assumeTrue(!rules.isEmpty(), "no SigmaHQ rules");
        RuleSet set = RuleSet.of(rules);
        List<RuleMatcher> matchers = rules.stream().map(e -> RuleMatcher.of(e.rule())).toList();
        Set<EventContext> contexts = new LinkedHashSet<>();
        contexts.add(EventContext.NONE);
        contexts.add(new EventContext("aws", "cloudtrail", "unheard-of"));
        rules.forEach(e -> contexts.add(context(e)));

        List<String> differences = new ArrayList<>();
        int checks = 0;
        int matches = 0;
        for (Case c : events()) {
            for (JsonNode variant : List.of(c.event(), upper(c.event()), numbers(c.event()))) {
                EventFields event = new JsonEventFields(variant);
                // brute force once per event: every rule's matcher, then per context the compatible ones
                boolean[] hit = new boolean[rules.size()];
                for (int i = 0; i < rules.size(); i++) {
                    hit[i] = matchers.get(i).matches(event);
                }
                for (EventContext context : contexts) {
                    List<String> expected = new ArrayList<>();
                    for (int i = 0; i < rules.size(); i++) {
                        if (hit[i] && context.admits(rules.get(i).rule().logsource())) {
                            expected.add(rules.get(i).key());
                        }
                    }
                    List<String> actual = set.matching(event, context);
                    checks++;
                    matches += expected.size();
                    if (!actual.equals(expected)) {
                        differences.add(c.name() + " " + context + ": expected " + expected + " got " + actual);
                    }
                }
            }
        }
        System.out.printf("RuleSetCorpusTest: %d rules, %d contexts, %d event/context checks, %d matches%n",
                rules.size(), contexts.size(), checks, matches);
        assertThat(matches).as("the corpus events match some rules").isGreaterThan(100);
        assertThat(differences).isEmpty();
    }

    private static EventContext context(RuleSet.Entry e) {
        var ls = e.rule().logsource();
        return ls == null ? EventContext.NONE : new EventContext(ls.product(), ls.service(), ls.category());
    }

    private static Path corpora() {
        Path corpora = Corpora.rootOrNull();
        return corpora != null && Files.isDirectory(corpora.resolve("sigma/SigmaHQ-sigma")) ? corpora : null;
    }

    static List<RuleSet.Entry> rules(Path sigma) throws IOException {
        List<RuleSet.Entry> rules = new ArrayList<>();
        SigmaParser parser = new SigmaParser();
        try (Stream<Path> top = Files.list(sigma)) {
            for (Path dir : top.filter(p -> p.getFileName().toString().startsWith("rules")).sorted().toList()) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path file : walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                        for (SigmaResult r : parser.parse(Files.readString(file))) {
                            if (r instanceof SigmaResult.Rule rule) {
                                rules.add(new RuleSet.Entry(sigma.relativize(file) + "#" + r.documentIndex(),
                                        rule.rule()));
                            }
                        }
                    }
                }
            }
        }
        return rules;
    }

    private static List<Case> events() throws IOException {
        List<Case> events = new ArrayList<>();
        Path stratus = CORPORA.resolve("cloudtrail/stratus-red-team/docs/detonation-logs");
        Path panther = CORPORA.resolve("cloudtrail/panther-analysis-tests/aws_cloudtrail_rule_tests.logs.jsonl");
        Path regression = CORPORA.resolve("sigma/SigmaHQ-sigma/regression_data");
        for (Path file : files(stratus, ".json")) {
            JsonNode root = JSON.readTree(file.toFile());
            (root.isArray() ? root : root.path("Records")).forEach(r -> events.add(new Case(file.toString(), r)));
        }
        for (Path file : files(regression, ".json")) {
            try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (it.hasNext()) {
                    JsonNode n = it.next();
                    (n.isArray() ? n : List.of(n))
                            .forEach(e -> events.add(new Case(file.toString(), WindowsEventLogs.flatten(e))));
                }
            }
        }
        if (Files.exists(panther)) {
            int line = 0;
            for (String json : Files.readAllLines(panther)) {
                events.add(new Case(panther + ":" + ++line, JSON.readTree(json)));
            }
        }
        return events;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static JsonNode upper(JsonNode node) {
        return map(node, n -> n.isTextual() ? TextNode.valueOf(n.textValue().toUpperCase(Locale.ROOT)) : n);
    }

    private static JsonNode numbers(JsonNode node) {
        return map(node, n -> n.isIntegralNumber()
                ? (n.asLong() % 2 == 0
                        ? TextNode.valueOf(n.asText())
                        : DoubleNode.valueOf(n.asDouble()))
                : n);
    }

    private static JsonNode map(JsonNode node, java.util.function.UnaryOperator<JsonNode> leaf) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(p -> copy.set(p.getKey(), map(p.getValue(), leaf)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(map(n, leaf)));
            return copy;
        }
        return leaf.apply(node);
    }

}
