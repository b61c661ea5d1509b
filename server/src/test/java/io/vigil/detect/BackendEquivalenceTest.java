package io.vigil.detect;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.detect.backtest.RuleQueries;
import io.vigil.detect.query.QueryTranslationException;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.index.RawQueries;
import io.vigil.index.query.Dsl;
import io.vigil.testing.Corpora;
import io.vigil.testing.TestSources;
import io.vigil.testing.TestStack;
import io.vigil.testing.Tokens;
import io.vigil.testing.WindowsEventLogs;

/**
 * Both back ends on the same stored data: events go in through Vigil's HTTP intake (normalized and
 * stored as in production); the in-memory matcher's decisions are the findings written at ingest, the
 * OpenSearch back end's are what each rule's backtest query ({@link RuleQueries}) selects among the
 * same stored events. For every rule the two sets of event ids must be equal; a rule the translator
 * refuses (by name) is listed and not compared.
 *
 * <p>Fixture rules and events owned here cover the modifiers; with {@code ../shared/corpora} present, the
 * built-in SigmaHQ CloudTrail rules also run over the Stratus detonations and Panther tests, and every
 * built-in Windows rule with regression data over SigmaHQ's regression events.
 */
@QuarkusTest
class BackendEquivalenceTest {

    private static final Path CORPORA = Corpora.rootOrNull();
    /** Built-in rules whose presence says their pack has loaded. */
    private static final String CLOUDTRAIL_RULE = "4db60cc0-36fb-42b7-9b58-a5b53019fb74";
    private static final String WINDOWS_RULE = "c30fb093-1109-4dc8-88a8-b30d11c95a5d";

    @Inject
    RawQueries raw;

    @Inject
    RuleQueries queries;

    @Inject
    DetectionService detection;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final SigmaParser parser = new SigmaParser();

    @Test
    void fixtureRulesSelectTheSameStoredEventsInBothBackEnds() throws IOException {
        String pack = "t-eq-" + UUID.randomUUID().toString().substring(0, 6);
        String yaml = new String(getClass().getResourceAsStream("/detect/equivalence-rules.yml").readAllBytes(),
                StandardCharsets.UTF_8).replace("${pack}", pack);
        var imported = given().auth().oauth2(Tokens.of("engineer")).body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/import?pack=" + pack).then().statusCode(200).extract().jsonPath();
        assertThat(imported.getInt("refused")).as(imported.prettify()).isZero();
        List<SigmaRule> rules = parse(yaml);

        String cloudtrail = source("cloudtrail");
        ingest(cloudtrail, resource("/detect/equivalence-cloudtrail.ndjson"));
        String json = source("json");
        ingest(json, resource("/detect/equivalence-json.ndjson"));

        Outcome outcome = compare(rules, List.of(cloudtrail, json));
        assertThat(outcome.differences).as(outcome.toString()).isEmpty();
        assertThat(outcome.refused).as("fixture rules all have an exact query").isEmpty();
        assertThat(outcome.compared).isEqualTo(rules.size());
        assertThat(outcome.matches).as("the fixture events match something").isGreaterThan(10);
    }

    @Test
    void builtInCloudTrailRulesOverRealAttackRecords() throws IOException {
        assumeTrue(CORPORA != null, "no ../shared/corpora");
        awaitRule(CLOUDTRAIL_RULE);
        String source = source("cloudtrail");
        try (Stream<Path> files = Files.list(CORPORA.resolve("cloudtrail/stratus-red-team/docs/detonation-logs"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ingest(source, Files.readString(file));
            }
        }
        // Panther's hand-made test events reuse eventIDs ("1", "1111"); CloudTrail's are unique and Vigil
        // stores one event per eventID, so each gets its own here (no rule reads eventID or eventTime)
        StringBuilder panther = new StringBuilder();
        int n = 0;
        for (String line : Files.readAllLines(CORPORA.resolve(
                "cloudtrail/panther-analysis-tests/aws_cloudtrail_rule_tests.logs.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode event = JSON.readTree(line);
                if (event instanceof ObjectNode record) {
                    record.put("eventID", "panther-" + n);
                    // some are dated 2015: past the longest retention, the retention job would delete them
                    record.put("eventTime", "2026-01-01T00:00:00Z");
                }
                n++;
                panther.append(event).append('\n');
            }
        }
        ingest(source, panther.toString());
        Outcome outcome = compare(packRules("sigmahq-cloudtrail"), List.of(source));
        System.out.println("backend equivalence, CloudTrail corpora: " + outcome);
        assertThat(outcome.differences).as(outcome.toString()).isEmpty();
        assertThat(outcome.matches).isGreaterThan(50);
    }

    @Test
    void builtInWindowsRulesOverSigmaHqRegressionEvents() throws IOException {
        assumeTrue(CORPORA != null, "no ../shared/corpora");
        awaitRule(WINDOWS_RULE);
        Path data = CORPORA.resolve("sigma/SigmaHQ-sigma/regression_data/rules/windows");
        Set<String> ids = new HashSet<>();
        StringBuilder lines = new StringBuilder();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ids.add(file.getFileName().toString().replace(".json", ""));
                for (JsonNode event : WindowsEventLogs.read(file)) {
                    lines.append(event.toString()).append('\n');
                }
            }
        }
        String source = source("json");
        ingest(source, lines.toString());
        List<SigmaRule> rules = packRules("sigmahq-windows").stream().filter(r -> ids.contains(r.id())).toList();
        assertThat(rules).hasSizeGreaterThan(150);
        Outcome outcome = compare(rules, List.of(source));
        System.out.println("backend equivalence, Windows regression data: " + outcome);
        assertThat(outcome.differences).as(outcome.toString()).isEmpty();
        assertThat(outcome.refused).as("refused by the translator or OpenSearch").hasSizeLessThan(10);
        assertThat(outcome.matches).isGreaterThan(150);
    }

    /** What one comparison found. */
    private static final class Outcome {

        int compared;
        int matches;
        final Map<String, String> refused = new TreeMap<>();
        final List<String> differences = new ArrayList<>();

        @Override
        public String toString() {
            return compared + " rules compared, " + matches + " matches, refused " + refused.size() + " "
                    + refused + ", differences " + differences;
        }
    }

    /** @param sources as {@link #source} gives them ("name token") */
    private Outcome compare(List<SigmaRule> rules, List<String> givenSources) {
        List<String> sources = givenSources.stream().map(s -> s.split(" ")[0]).toList();
        refresh();
        Map<String, Set<String>> findings = findings(sources);
        Outcome outcome = new Outcome();
        for (SigmaRule rule : rules) {
            ObjectNode query;
            try {
                query = queries.of(rule);
            } catch (QueryTranslationException e) {
                outcome.refused.put(rule.id(), e.getMessage());
                continue;
            }
            long start = System.nanoTime();
            Set<String> selected;
            try {
                selected = selected(sources, query);
            } catch (RawQueries.RefusedException e) {
                // too complex for Lucene's automata: refused by name, as a backtest shows it
                outcome.refused.put(rule.id(), "OpenSearch: " + e.getMessage());
                continue;
            } catch (io.vigil.index.StoreUnavailableException e) {
                throw new AssertionError("query of " + rule.id() + " failed: " + query, e);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (ms > 1000) {
                System.out.println("backend equivalence: slow query " + ms + " ms for " + rule.id() + " "
                        + rule.title());
            }
            Set<String> matched = findings.getOrDefault(rule.id(), Set.of());
            outcome.compared++;
            outcome.matches += matched.size();
            if (!selected.equals(matched)) {
                Set<String> onlyMatcher = new HashSet<>(matched);
                onlyMatcher.removeAll(selected);
                Set<String> onlyQuery = new HashSet<>(selected);
                onlyQuery.removeAll(matched);
                outcome.differences.add(rule.id() + " \"" + rule.title() + "\": matcher only " + onlyMatcher
                        + ", query only " + onlyQuery + (outcome.differences.size() < 3
                                ? explain(sources, rule, query, onlyMatcher.isEmpty() ? onlyQuery : onlyMatcher)
                                : ""));
            }
        }
        return outcome;
    }

    /** For a difference: which part of the query rejects one of the events, and the event as stored. */
    private String explain(List<String> sources, SigmaRule rule, ObjectNode query, Set<String> ids) {
        try {
            return explainOrFail(sources, rule, query, ids);
        } catch (RuntimeException e) {
            return " [not explained: " + e.getMessage() + "]";
        }
    }

    private String explainOrFail(List<String> sources, SigmaRule rule, ObjectNode query, Set<String> ids) {
        String id = ids.iterator().next();
        ObjectNode byId = JsonNodeFactory.instance.objectNode();
        byId.putObject("ids").putArray("values").add(id);
        ObjectNode logsource = io.vigil.detect.LogSourceQuery.of(rule.logsource());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("query", byId);
        JsonNode stored = raw.search("vigil-events-*", body).path("hits").path("hits").path(0).path("_source");
        return " [event " + id + ": whole query " + selected(sources, Dsl.and(List.of(byId, query))).size()
                + ", logsource part " + selected(sources, Dsl.and(List.of(byId, logsource))).size() + " (" + logsource
                + "), detection part " + selected(sources, Dsl.and(List.of(byId, query.path("bool").path("filter")
                        .path(1).isObject() ? (ObjectNode) query.path("bool").path("filter").path(1) : query)))
                        .size()
                + "; query " + query + "; stored winlog " + stored.path("winlog") + " source_type "
                + stored.path("vigil") + "]";
    }

    /** The ids of the sources' stored events the query selects. */
    private Set<String> selected(List<String> sources, ObjectNode query) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("size", 10_000);
        body.put("_source", false);
        body.set("query", Dsl.and(List.of(inSources(sources), query)));
        Set<String> ids = new HashSet<>();
        raw.search("vigil-events-*", body).path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id")
                .asText()));
        return ids;
    }

    /** Findings of the sources' events by rule id: the event ids each rule matched at ingest. */
    private Map<String, Set<String>> findings(List<String> sources) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("size", 10_000);
        body.set("query", inSources(sources));
        Map<String, Set<String>> byRule = new HashMap<>();
        raw.search("vigil-findings-*", body).path("hits").path("hits").forEach(hit -> hit.path("_source")
                .path("event").path("id").forEach(id -> byRule.computeIfAbsent(
                        hit.path("_source").path("rule").path("id").asText(), r -> new HashSet<>()).add(id.asText())));
        return byRule;
    }

    private static ObjectNode inSources(List<String> sources) {
        return Dsl.or(sources.stream().map(s -> Dsl.term("vigil.source", s, false)).toList());
    }

    private List<SigmaRule> packRules(String pack) {
        List<SigmaRule> rules = new ArrayList<>();
        var list = given().auth().oauth2(Tokens.of("engineer")).get("/api/rules").then().statusCode(200).extract()
                .jsonPath();
        List<String> ids = list.getList("findAll { it.pack == '" + pack + "' && it.kind == 'rule' && it.enabled }.id");
        for (String id : ids) {
            String yaml = given().auth().oauth2(Tokens.of("engineer")).get("/api/rules/" + id).then().statusCode(200)
                    .extract().path("yaml");
            rules.addAll(parse(yaml));
        }
        return rules;
    }

    private List<SigmaRule> parse(String yaml) {
        return parser.parse(yaml).stream().filter(r -> r instanceof SigmaResult.Rule)
                .map(r -> ((SigmaResult.Rule) r).rule()).toList();
    }

    /** Waits until the built-in pack holding the rule is loaded and its rules check arriving events. */
    private void awaitRule(String id) {
        await().atMost(Duration.ofSeconds(180)).until(() -> detection.active(id));
    }

    private String resource(String name) throws IOException {
        return new String(getClass().getResourceAsStream(name).readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * A new source of the type; returns "name token". Its retention is the longest allowed: the corpora's
     * events are years old, and the retention job would otherwise delete them between ingest and query.
     */
    private static String source(String type) {
        return TestSources.create("t-eq-", type, 3650);
    }

    private static void ingest(String source, String body) {
        TestSources.ingest(source, body);
    }

    private static void refresh() {
        String base = TestStack.get().openSearch().url();
        given().baseUri(base).post("/vigil-events-*,vigil-findings-*/_refresh").then().statusCode(200);
    }
}
