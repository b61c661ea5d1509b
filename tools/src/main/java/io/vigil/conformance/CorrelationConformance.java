package io.vigil.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.vigil.detect.correlate.CorrelationCases;
import io.vigil.detect.correlate.RandomStreams;
import io.vigil.detect.sigma.SigmaError;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

/**
 * Correlation conformance: (1) every correlation document of the specification's examples and the
 * reference implementation's test rules compiles or is refused with a reason; (2) the hand-written cases
 * (each type and feature, boundaries at exactly the timespan and the threshold) fire exactly the
 * expected windows, in three arrival orders, in the engine and in the reference correlator; (3) seeded
 * random streams give the engine and the naive reference correlator the same windows, one by one.
 * Ends with {@code RESULT rules=… compiled=… cases=… agree=… differ=…}; exit 0 when nothing differs.
 */
final class CorrelationConformance {

    static final String DEFAULT_CORPUS = "../shared/corpora/sigma/correlation_examples";

    private CorrelationConformance() {
    }

    static int run(List<String> options) {
        Path corpus = Path.of(DEFAULT_CORPUS);
        int seeds = 20;
        int events = 3_000;
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--corpus" -> corpus = Path.of(options.get(++i));
                case "--seeds" -> seeds = Integer.parseInt(options.get(++i));
                case "--events" -> events = Integer.parseInt(options.get(++i));
                default -> {
                    System.err.println("correlation: unknown option " + options.get(i)
                            + " (--corpus DIR, --seeds N, --events N)");
                    return 2;
                }
            }
        }
        int[] documents = {0, 0};
        if (Files.isDirectory(corpus)) {
            documents = examples(corpus);
        } else {
            System.out.println("no correlation examples at " + corpus.toAbsolutePath().normalize()
                    + ": compiling skipped");
        }
        int cases = 0;
        int agree = 0;
        for (var c : CorrelationCases.load()) {
            var outcome = CorrelationCases.run(c);
            cases++;
            if (outcome.agrees()) {
                agree++;
            } else {
                System.out.println("case " + c.file() + ": " + c.name() + " expected " + outcome.expected()
                        + ", engine " + outcome.engine() + ", reference " + outcome.reference());
            }
        }
        System.out.printf("hand-written cases: %d, %d as expected%n", cases, agree);
        Map<String, int[]> windows = new TreeMap<>();
        long started = System.nanoTime();
        int streamsAgree = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            var comparison = RandomStreams.compare(seed, events);
            comparison.perRule().forEach((rule, n) -> {
                int[] sum = windows.computeIfAbsent(rule, k -> new int[3]);
                for (int k = 0; k < 3; k++) {
                    sum[k] += n[k];
                }
            });
            comparison.differences().stream().limit(20).forEach(System.out::println);
            streamsAgree += comparison.agrees() ? 1 : 0;
        }
        System.out.printf("random streams: %d seeds of %,d events (lateness %s, random batches and delays), %d"
                + " agree, %.1f s%n", seeds, events, RandomStreams.LATENESS, streamsAgree,
                (System.nanoTime() - started) / 1e9);
        System.out.println("  correlation        both  engine-only  reference-only");
        windows.forEach((rule, n) -> System.out.printf("  %-16s %7d %12d %15d%n", rule, n[2], n[0], n[1]));
        cases += seeds;
        agree += streamsAgree;
        System.out.printf("RESULT rules=%d compiled=%d cases=%d agree=%d differ=%d%n", documents[0], documents[1],
                cases, agree, cases - agree);
        return cases == agree ? 0 : 1;
    }

    /** Correlation documents of the examples: how many, and how many compiled (refusals listed). */
    private static int[] examples(Path corpus) {
        int rules = 0;
        int compiled = 0;
        Map<String, List<String>> refused = new TreeMap<>();
        SigmaParser parser = new SigmaParser();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                String text = Files.readString(file);
                List<String> documents = List.of(text.split("(?m)^---\\s*$"));
                List<SigmaResult> results = parser.parse(text);
                for (SigmaResult result : results) {
                    boolean correlation = result.documentIndex() < documents.size()
                            && documents.get(result.documentIndex()).contains("correlation:");
                    if (!correlation) {
                        continue;
                    }
                    rules++;
                    if (result instanceof SigmaResult.Correlation) {
                        compiled++;
                    } else if (result instanceof SigmaError e) {
                        refused.computeIfAbsent(e.feature(), k -> new ArrayList<>())
                                .add(corpus.relativize(file) + " @ " + e.path() + ": " + e.message());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading " + corpus + ": " + e.getMessage(), e);
        }
        System.out.printf("correlation examples: %d documents, %d compiled%n", rules, compiled);
        refused.forEach((feature, where) -> {
            System.out.println("  refused [" + feature + "] " + where.size() + ":");
            where.forEach(w -> System.out.println("    " + w));
        });
        return new int[]{rules, compiled};
    }
}
