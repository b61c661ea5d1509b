package io.vigil.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.vigil.detect.sigma.SigmaError;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

/**
 * Compiles every rule of the SigmaHQ corpus (every {@code rules*} folder; DRL-licensed, read from the
 * corpus directory, never copied into the repository) and reports compiled versus refused, refusals
 * grouped by feature with counts and example paths. Matching agreement against the oracle's expected
 * results is not judged yet, so the RESULT line says {@code n/a} for it.
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
        boolean wildcard = false;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals("--corpus") && i + 1 < options.size()) {
                corpus = Path.of(options.get(++i));
            } else if (options.get(i).equals("--expand-wildcard")) {
                wildcard = true;
            } else {
                System.err.println("sigma: unknown option " + options.get(i) + " (--corpus DIR, --expand-wildcard)");
                return 2;
            }
        }
        try {
            List<Path> files = ruleFiles(corpus);
            if (files.isEmpty()) {
                System.err.println(
                        "sigma: no rules*/ folders with .yml files under " + corpus.toAbsolutePath().normalize());
                return 2;
            }
            return check(corpus, files, new SigmaParser(Map.of(), wildcard));
        } catch (IOException e) {
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
        for (Path file : files) {
            String relative = corpus.relativize(file).toString();
            for (SigmaResult result : parser.parse(Files.readString(file, StandardCharsets.UTF_8))) {
                tally.add(result, relative);
            }
        }
        print(corpus, files.size(), tally);
        double rate = tally.rules == 0 ? 0 : 100.0 * tally.compiled / tally.rules;
        System.out.printf("compile rate %.2f%% (target %.1f%%)%n", rate, TARGET);
        System.out.println(
                "RESULT rules=" + tally.rules + " compiled=" + tally.compiled + " agreement=n/a differences=n/a");
        return rate >= TARGET ? 0 : 1;
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
