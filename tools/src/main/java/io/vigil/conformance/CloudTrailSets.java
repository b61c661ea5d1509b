package io.vigil.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.conformance.ReferenceQuirks.Explanation;
import io.vigil.detect.match.JsonEventFields;
import io.vigil.detect.match.RuleMatcher;
import io.vigil.detect.sigma.SigmaRule;

/**
 * The reference's CloudTrail match lists ({@code matches_stratus_detonation.csv},
 * {@code matches_panther.csv}: one row per rule that matched an event, by file and index) against
 * Vigil's matcher. The reference ran the rules of {@code rules/cloud/aws/} (its coverage file says so,
 * and its Lucene conversions list exactly those); every one of them is run over every event of the set,
 * and each (rule, event) pair is one decision.
 */
final class CloudTrailSets {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RULES = "rules/cloud/aws/";

    record Event(String file, int index, JsonNode json) {
    }

    private CloudTrailSets() {
    }

    static SetOutcome stratus(Path corpora, Map<String, SigmaRule> rules) throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(corpora.resolve("cloudtrail/stratus-red-team/docs/detonation-logs"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).map(p -> corpora.relativize(p).toString())
                    .sorted().toList();
        }
        return judge("stratus detonations", corpora, files,
                corpora.resolve("oracle-expected/matches_stratus_detonation.csv"), rules, false);
    }

    /**
     * The Panther list ends early: its rows are sorted by rule file and event index, and they stop at
     * {@code aws_sts_assumerole_misuse.yml} #435, although later rules match later events (the reference
     * itself matches them on the Stratus set). Decisions past its last row were never made by the
     * reference, so they are counted as not judged, not as agreements or differences.
     */
    static SetOutcome panther(Path corpora, Map<String, SigmaRule> rules) throws IOException {
        return judge("panther tests", corpora,
                List.of("cloudtrail/panther-analysis-tests/aws_cloudtrail_rule_tests.logs.jsonl"),
                corpora.resolve("oracle-expected/matches_panther.csv"), rules, true);
    }

    static final String BEYOND_THE_LIST = "past the end of the reference's list: its rows are sorted by (rule file,"
            + " event index) and stop at the last row's key, so the reference made no decision here";

    /**
     * @param rules compiled rules by path relative to the SigmaHQ folder
     * @param cutTail whether the list is known to end early (see {@link #panther}); the cut is applied only
     *        when the rows are indeed sorted, and then every decision sorting after the last row is set aside
     */
    private static SetOutcome judge(String name, Path corpora, List<String> files, Path csv,
            Map<String, SigmaRule> rules, boolean cutTail) throws IOException {
        Set<String> expected = expected(csv);
        Comparable<RowKey> lastRow = cutTail ? lastRowIfSorted(csv) : null;
        List<Event> events = new ArrayList<>();
        for (String file : files) {
            events.addAll(events(corpora, file));
        }
        SetOutcome outcome = new SetOutcome(name + " (" + events.size() + " events)", "(rule, event) pair");
        Set<String> ran = new HashSet<>();
        for (var rule : rules.entrySet()) {
            if (!rule.getKey().startsWith(RULES)) {
                continue;
            }
            SigmaRule r = rule.getValue();
            ran.add(r.id());
            RuleMatcher matcher = RuleMatcher.of(r);
            for (Event e : events) {
                boolean vigil = matcher.matches(new JsonEventFields(e.json()));
                if (lastRow != null && lastRow.compareTo(new RowKey(SIGMA + rule.getKey(), e.index())) < 0) {
                    outcome.notJudged(BEYOND_THE_LIST, vigil ? describe(r, e, true) : null);
                    continue;
                }
                boolean reference = expected.contains(key(r.id(), e.file(), e.index()));
                outcome.positives(vigil, reference);
                if (vigil == reference) {
                    outcome.agree();
                    continue;
                }
                String item = describe(r, e, vigil);
                Optional<Explanation> why = ReferenceQuirks.explain(r, e, vigil, events,
                        other -> expected.contains(key(r.id(), other.file(), other.index())));
                why.ifPresentOrElse(x -> outcome.explained(x.reason(), item + x.detail()),
                        () -> outcome.difference(item));
            }
        }
        expected.stream().filter(k -> !ran.contains(k.split(" ", 2)[0])).forEach(k -> outcome
                .difference("reference matches rule " + k + " but Vigil has no compiled rule with that id"));
        return outcome;
    }

    private static String describe(SigmaRule rule, Event e, boolean vigil) {
        return (vigil ? "Vigil matches, reference does not: " : "reference matches, Vigil does not: ") + rule.id()
                + " \"" + rule.title() + "\" on " + e.file() + " #" + e.index() + " (eventID "
                + e.json().path("eventID").asText("?") + ", " + e.json().path("eventName").asText("?") + ")";
    }

    /** Where the reference's rule files are, relative to the corpora. */
    private static final String SIGMA = "sigma/SigmaHQ-sigma/";

    /** A row's sort key in a one-file list: the rule file, then the event index. */
    record RowKey(String ruleFile, int index) implements Comparable<RowKey> {

        @Override
        public int compareTo(RowKey other) {
            int byFile = ruleFile.compareTo(other.ruleFile);
            return byFile != 0 ? byFile : Integer.compare(index, other.index);
        }
    }

    /** The last row's key, if every row is in key order (else null: then no cut can be argued). */
    private static RowKey lastRowIfSorted(Path csv) throws IOException {
        List<String> rows = Files.readAllLines(csv);
        List<String> header = Fail2banLabels.fields(rows.get(0));
        int file = header.indexOf("rule_file");
        int index = header.indexOf("event_index");
        RowKey last = null;
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            List<String> cells = Fail2banLabels.fields(row);
            RowKey key = new RowKey(cells.get(file), Integer.parseInt(cells.get(index)));
            if (last != null && key.compareTo(last) < 0) {
                return null;
            }
            last = key;
        }
        return last;
    }

    private static String key(String ruleId, String file, int index) {
        return ruleId + " " + file + "#" + index;
    }

    private static Set<String> expected(Path csv) throws IOException {
        List<String> rows = Files.readAllLines(csv);
        List<String> header = Fail2banLabels.fields(rows.get(0));
        int id = header.indexOf("rule_id");
        int file = header.indexOf("event_file");
        int index = header.indexOf("event_index");
        Set<String> keys = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            if (!row.isBlank()) {
                List<String> cells = Fail2banLabels.fields(row);
                keys.add(key(cells.get(id), cells.get(file), Integer.parseInt(cells.get(index))));
            }
        }
        return keys;
    }

    /** A JSON array (or {@code {"Records": [...]}}) file, or JSON lines; indexes count from 0. */
    private static List<Event> events(Path corpora, String file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        Path path = corpora.resolve(file);
        if (file.endsWith(".jsonl")) {
            for (String line : Files.readAllLines(path)) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
        } else {
            JsonNode root = JSON.readTree(path.toFile());
            JsonNode records = root.has("Records") ? root.get("Records") : root;
            if (records.isArray()) {
                records.forEach(nodes::add);
            } else {
                nodes.add(records);
            }
        }
        List<Event> events = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            events.add(new Event(file, i, nodes.get(i)));
        }
        return events;
    }
}
