package io.vigil.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.vigil.detect.sigma.SigmaError;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.detect.sigma.SigmaRule;

/**
 * Sigma support against the SigmaHQ corpus and the reference implementation's results (pySigma; its
 * output in {@code ../shared/corpora/oracle-expected}). The corpus is DRL-licensed and read from the
 * corpus directory, never copied into the repository.
 *
 * <p>
 * <b>Compilation</b>: every rule of every {@code rules*} folder is compiled; the report gives compiled
 * versus refused, refusals grouped by feature with counts and example paths. {@code expand}
 * placeholders take the sample site values of {@code conformance/sigma-placeholders.yml}
 * ({@link SigmaPlaceholders}; {@code --placeholders FILE} for another site).
 *
 * <p>
 * <b>Agreement</b> with the reference, per oracle set and pooled:
 * <ul>
 * <li>Stratus detonations and Panther tests ({@link CloudTrailSets}): every rule of
 * {@code rules/cloud/aws/} (the rules the reference ran) over every CloudTrail record of the set; one
 * decision per (rule, event) pair: does the rule match the event?
 * <li>{@code regression_data} ({@link RegressionData}): one decision per rule: how many events of its
 * regression file match (the reference reports a count per rule, not per event)?
 * </ul>
 * Agreement is the share of decisions where Vigil decides as the reference did: agreed decisions / all
 * decisions judged, pooled over the three sets (each set's share is printed too, with the match counts
 * of each side, which say more than the mostly negative pairs). A disagreement is <em>explained</em>
 * only when {@link ReferenceQuirks} (or {@link RegressionData#quotingBug}) gives a stated, checkable
 * reason that puts it on the reference; explained disagreements are listed apart and do not count as
 * agreed. Every other disagreement is a <em>difference</em>. Percentages have one decimal, rounded
 * down, so 100.0 means every decision agreed.
 *
 * <p>
 * The last line is {@code RESULT rules=<n> compiled=<n> agreement=<percent> differences=<unexplained>};
 * the exit code is 0 when at least {@value #TARGET}% of the rules compile and no difference is
 * unexplained, 1 otherwise, 2 when the corpus cannot be read.
 */
final class SigmaConformance {

    static final String DEFAULT_CORPUS = "../shared/corpora/sigma/SigmaHQ-sigma";
    /** Share of rules that must compile, in percent. */
    private static final double TARGET = 99.5;
    private static final int EXAMPLES = 3;

    private SigmaConformance() {
    }

    static int run(List<String> options) {
        Path corpus = Path.of(DEFAULT_CORPUS);
        Path placeholders = null;
        boolean wildcard = false;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals("--corpus") && i + 1 < options.size()) {
                corpus = Path.of(options.get(++i));
            } else if (options.get(i).equals("--placeholders") && i + 1 < options.size()) {
                placeholders = Path.of(options.get(++i));
            } else if (options.get(i).equals("--expand-wildcard")) {
                wildcard = true;
            } else {
                System.err.println("sigma: unknown option " + options.get(i)
                        + " (--corpus DIR, --placeholders FILE, --expand-wildcard)");
                return 2;
            }
        }
        corpus = corpus.toAbsolutePath().normalize();
        Map<String, List<String>> values;
        try {
            values = SigmaPlaceholders.load(placeholders);
        } catch (IOException | RuntimeException e) {
            System.err.println("sigma: cannot read the placeholder values: " + e.getMessage());
            return 2;
        }
        try {
            List<Path> files = ruleFiles(corpus);
            if (files.isEmpty()) {
                System.err.println(
                        "sigma: no rules*/ folders with .yml files under " + corpus);
                return 2;
            }
            var parser = new SigmaParser(values, wildcard);
            return check(corpus, files, parser);
        } catch (IOException | RuntimeException e) {
            System.err.println("sigma: cannot read the corpus: " + e);
            return 2;
        }
    }

    private static List<Path> ruleFiles(Path corpus) throws IOException {
        if (!Files.isDirectory(corpus)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> top = Files.list(corpus)) {
            for (Path dir : top.filter(p -> p.getFileName().toString().startsWith("rules") && Files.isDirectory(p))
                    .sorted().toList()) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted()
                            .forEach(files::add);
                }
            }
        }
        return files;
    }

    /** Per-run counts; refusals by feature, each with the rule paths and messages. */
    private static final class Tally {

        int rules;
        int compiled;
        int correlations;
        final Map<String, List<String>> refusals = new TreeMap<>();

        void add(SigmaResult result, String file) {
            switch (result) {
                case SigmaResult.Rule r -> compiled(1);
                case SigmaResult.Filter f -> compiled(1);
                case SigmaResult.Correlation c -> correlations++;
                case SigmaError e -> {
                    rules++;
                    refusals.computeIfAbsent(e.feature(), k -> new ArrayList<>())
                            .add(file + " @ " + e.path() + ": " + e.message());
                }
            }
        }

        private void compiled(int n) {
            rules += n;
            compiled += n;
        }
    }

    private static int check(Path corpus, List<Path> files, SigmaParser parser) throws IOException {
        Tally tally = new Tally();
        Map<String, SigmaRule> rules = new TreeMap<>();
        for (Path file : files) {
            String relative = corpus.relativize(file).toString();
            for (SigmaResult result : parser.parse(Files.readString(file, StandardCharsets.UTF_8))) {
                tally.add(result, relative);
                if (result instanceof SigmaResult.Rule r) {
                    rules.putIfAbsent(relative, r.rule());
                }
            }
        }
        print(corpus, files.size(), tally);
        double rate = tally.rules == 0 ? 0 : 100.0 * tally.compiled / tally.rules;
        System.out.printf(Locale.ROOT, "compile rate %.2f%% (target %.1f%%)%n", rate, TARGET);
        Path oracle = corpus.getParent().getParent().resolve("oracle-expected");
        if (!Files.isDirectory(oracle)) {
            System.out.println("no reference results at " + oracle + ": agreement not judged");
            System.out.println("RESULT rules=" + tally.rules + " compiled=" + tally.compiled
                    + " agreement=n/a differences=n/a");
            return rate >= TARGET ? 0 : 1;
        }
        List<SetOutcome> sets = judge(corpus, rules);
        int judged = sets.stream().mapToInt(s -> s.judged).sum();
        int agreed = sets.stream().mapToInt(s -> s.agreed).sum();
        int explained = sets.stream().mapToInt(SetOutcome::explainedCount).sum();
        int differences = sets.stream().mapToInt(s -> s.differences.size()).sum();
        System.out.println();
        sets.forEach(s -> System.out.printf(Locale.ROOT, "  %-44s agreement %5s%% (%d of %d), explained %d,"
                + " differences %d, not judged %d%n", s.name, s.agreement(), s.agreed, s.judged, s.explainedCount(),
                s.differences.size(), s.notJudgedCount));
        System.out.println("agreement over all sets " + SetOutcome.percent(agreed, judged) + "% (" + agreed + " of "
                + judged + " decisions), explained " + explained + ", unexplained differences " + differences);
        System.out.println("RESULT rules=" + tally.rules + " compiled=" + tally.compiled + " agreement="
                + SetOutcome.percent(agreed, judged) + " differences=" + differences);
        return rate >= TARGET && differences == 0 ? 0 : 1;
    }

    private static List<SetOutcome> judge(Path corpus, Map<String, SigmaRule> rules) throws IOException {
        Path corpora = corpus.getParent().getParent();
        List<SetOutcome> sets = List.of(CloudTrailSets.stratus(corpora, rules), CloudTrailSets.panther(corpora, rules),
                RegressionData.judge(corpus, corpora.resolve("oracle-expected/regression_check_sqlite.csv"), rules));
        sets.forEach(SetOutcome::print);
        return sets;
    }

    private static void print(Path corpus, int files, Tally tally) {
        System.out.println("SigmaHQ corpus: " + corpus.toAbsolutePath().normalize() + " (" + files + " files)");
        System.out.println(
                "rules " + tally.rules + ", compiled " + tally.compiled + ", refused " + (tally.rules - tally.compiled)
                        + ", correlation documents handed on " + tally.correlations);
        tally.refusals.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(e -> {
                    System.out.println("  refused " + e.getValue().size() + "x " + e.getKey());
                    e.getValue().stream().limit(EXAMPLES).forEach(x -> System.out.println("      " + x));
                });
    }
}
