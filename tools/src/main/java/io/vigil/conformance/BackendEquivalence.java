package io.vigil.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.detect.match.JsonEventFields;
import io.vigil.detect.match.RuleMatcher;
import io.vigil.detect.query.QueryTranslationException;
import io.vigil.detect.query.SigmaQueryTranslator;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.index.query.FieldTypes;
import io.vigil.testing.WindowsEventLogs;

/**
 * Both detection back ends on the same stored data (DESIGN §2: "both back ends must agree"). The
 * CloudTrail corpora (Stratus detonations, Panther tests) and the SigmaHQ regression events are indexed
 * as they are into {@code vigil-events-qtest-*} indices; each AWS CloudTrail rule runs over the
 * CloudTrail events and each regression rule over all regression events, once through
 * {@link RuleMatcher} and once as the translated query; the two sets of event ids must be equal. A rule
 * the translator refuses is counted by reason. The indices are deleted at the end.
 *
 * <p>
 * Last line: {@code RESULT backend_rules=<n> agree=<n> differ=<n> refused=<n>}; exit code 0 when no rule
 * differs, 1 otherwise, 2 when the corpus or OpenSearch cannot be used.
 */
final class BackendEquivalence {

    private BackendEquivalence() {
    }

    /** One group of events and the rules run over it. */
    private record Group(String name, Map<String, JsonNode> events, Map<String, SigmaRule> rules) {
    }

    static int run(List<String> args) {
        String url = "http://localhost:9200";
        Path corpus = Path.of(SigmaConformance.DEFAULT_CORPUS);
        boolean allRules = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--opensearch" -> url = args.get(++i);
                case "--corpus" -> corpus = Path.of(args.get(++i));
                case "--all-rules" -> allRules = true;
                default -> {
                    System.err.println("backend: unknown option " + args.get(i)
                            + " (--opensearch URL, --corpus DIR, --all-rules)");
                    return 2;
                }
            }
        }
        corpus = corpus.toAbsolutePath().normalize();
        List<Group> groups;
        try {
            groups = groups(corpus, allRules);
        } catch (IOException | RuntimeException e) {
            System.err.println("backend: cannot read the corpus: " + e);
            return 2;
        }
        int[] census;
        try {
            census = QueryRefusalCensus.run(corpus, new SigmaParser(SigmaPlaceholders.load(null)));
        } catch (IOException | RuntimeException e) {
            System.err.println("backend: cannot read the rules: " + e);
            return 2;
        }
        Tally tally = new Tally();
        try (EquivalenceStore store = new EquivalenceStore(url)) {
            for (Group g : groups) {
                compare(store, g, tally);
            }
        } catch (IOException e) {
            System.err.println("backend: OpenSearch at " + url + ": " + e.getMessage());
            return 2;
        }
        tally.print();
        System.out.println("CENSUS sigmahq_rules=" + (census[0] + census[1]) + " translated=" + census[0]
                + " refused=" + census[1]);
        tally.result();
        return tally.differ == 0 ? 0 : 1;
    }

    private static List<Group> groups(Path corpus, boolean allRules) throws IOException {
        SigmaParser parser = new SigmaParser(SigmaPlaceholders.load(null));
        Path corpora = corpus.getParent().getParent();
        Map<String, SigmaRule> aws = new TreeMap<>();
        try (var files = Files.walk(corpus.resolve(CloudTrailSets.RULES))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                rule(parser, f).ifPresent(r -> aws.put(corpus.relativize(f).toString(), r));
            }
        }
        Map<String, SigmaRule> regression = new TreeMap<>();
        Map<String, JsonNode> regressionEvents = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(corpora.resolve("oracle-expected/regression_check_sqlite.csv"));
        List<String> header = Fail2banLabels.fields(rows.get(0));
        Set<String> jsonFiles = new TreeSet<>();
        for (String row : rows.subList(1, rows.size())) {
            if (!row.isBlank()) {
                List<String> cells = Fail2banLabels.fields(row);
                String path = cells.get(header.indexOf("rule"));
                rule(parser, corpus.resolve(path)).ifPresent(r -> regression.put(path, r));
                jsonFiles.add(cells.get(header.indexOf("json")));
            }
        }
        if (allRules) {
            // Every rule over the regression events: mostly non-matches, but every construct is queried.
            for (Path f : QueryRefusalCensus.ruleFiles(corpus)) {
                String path = corpus.relativize(f).toString();
                if (!path.startsWith(CloudTrailSets.RULES)) {
                    rule(parser, f).ifPresent(r -> regression.putIfAbsent(path, r));
                }
            }
        }
        int n = 0;
        for (String file : jsonFiles) {
            for (JsonNode event : WindowsEventLogs.read(corpus.resolve(file))) {
                regressionEvents.put("rd-" + n++, WindowsEventLogs.flatten(event));
            }
        }
        return List.of(new Group("cloudtrail", EquivalenceEvents.withUpperCase(EquivalenceEvents.cloudTrail(corpora)),
                aws), new Group("regression", EquivalenceEvents.withUpperCase(regressionEvents), regression));
    }

    private static java.util.Optional<SigmaRule> rule(SigmaParser parser, Path file) throws IOException {
        for (SigmaResult r : parser.parse(Files.readString(file))) {
            if (r instanceof SigmaResult.Rule rule) {
                return java.util.Optional.of(rule.rule());
            }
        }
        return java.util.Optional.empty();
    }

    private static void compare(EquivalenceStore store, Group g, Tally tally) throws IOException {
        List<String> indices = store.load(g.name(), g.events());
        Map<String, FieldTypes> types = new LinkedHashMap<>();
        for (String index : indices) {
            types.put(index, store.types(index));
        }
        System.out.println("== " + g.name() + ": " + g.events().size() + " events in " + indices + ", "
                + g.rules().size() + " rules");
        for (var e : g.rules().entrySet()) {
            SigmaRule rule = e.getValue();
            String label = rule.id() + " " + e.getKey();
            Set<String> matcher = matcherIds(rule, g.events());
            Set<String> query = new HashSet<>();
            try {
                for (var t : types.entrySet()) {
                    query.addAll(store.ids(t.getKey(), new SigmaQueryTranslator(t.getValue()).translate(rule)));
                }
            } catch (QueryTranslationException x) {
                tally.refused(x.feature(), label + ": " + x.getMessage());
                continue;
            } catch (EquivalenceStore.Rejected x) {
                // Lucene compiles a regexp to a DFA; a pattern like .*[^"]{0,64}x explodes and OpenSearch
                // refuses it (a higher limit took the node down for minutes): not a semantic difference.
                if (!x.reason.contains("Determinizing automaton")) {
                    tally.differ(label + ": query failed: " + x.getMessage());
                    continue;
                }
                tally.refused("opensearch:regexp-too-complex", label + ": " + x.reason);
                continue;
            } catch (IOException x) {
                tally.differ(label + ": query failed: " + x.getMessage());
                continue;
            }
            tally.compare(label, matcher, query, g.events());
        }
    }

    private static Set<String> matcherIds(SigmaRule rule, Map<String, JsonNode> events) {
        RuleMatcher m = RuleMatcher.of(rule);
        Set<String> ids = new HashSet<>();
        events.forEach((id, event) -> {
            if (m.matches(new JsonEventFields(event))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Counts and the lines to print. */
    private static final class Tally {

        int rules;
        int agree;
        int differ;
        final Map<String, List<String>> refusals = new TreeMap<>();

        void refused(String feature, String item) {
            rules++;
            refusals.computeIfAbsent(feature, k -> new ArrayList<>()).add(item);
        }

        void differ(String item) {
            rules++;
            differ++;
            System.out.println("  DIFFER " + item);
        }

        void compare(String label, Set<String> matcher, Set<String> query, Map<String, JsonNode> events) {
            if (matcher.equals(query)) {
                rules++;
                agree++;
                System.out.println("  agree  " + label + " (" + matcher.size() + " events)");
                return;
            }
            differ(label + " matcher " + matcher.size() + ", query " + query.size());
            new TreeSet<>(matcher).stream().filter(id -> !query.contains(id)).forEach(id -> System.out
                    .println("      only matcher: " + id + " " + EquivalenceEvents.describe(events.get(id))));
            new TreeSet<>(query).stream().filter(id -> !matcher.contains(id)).forEach(id -> System.out
                    .println("      only query:   " + id + " " + EquivalenceEvents.describe(events.get(id))));
        }

        void print() {
            int refused = refusals.values().stream().mapToInt(List::size).sum();
            refusals.forEach((feature, items) -> {
                System.out.println("  refused " + items.size() + "x " + feature);
                items.forEach(i -> System.out.println("      " + i));
            });
        }

        void result() {
            int refused = refusals.values().stream().mapToInt(List::size).sum();
            System.out.println("RESULT backend_rules=" + rules + " agree=" + agree + " differ=" + differ
                    + " refused=" + refused);
        }
    }
}
