package io.vigil.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.detect.query.QueryTranslationException;
import io.vigil.detect.query.SigmaQueryTranslator;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.index.query.FieldKind;
import io.vigil.index.query.FieldTypes;

/**
 * Which SigmaHQ rules the query back end refuses, and why, against the events template's mapping (its
 * static fields as mapped, every other field a keyword as its dynamic mapping makes strings). Keyword
 * searches spread over the template's string fields, so they translate here; what they can reach in real
 * data depends on the fields stored.
 */
final class QueryRefusalCensus {

    /** The events template as the server ships it (on the class path from its jar). */
    static final String TEMPLATE = "/opensearch/index-templates/vigil-events.json";
    private static final int EXAMPLES = 3;

    private QueryRefusalCensus() {
    }

    private static JsonNode readTemplate() throws IOException {
        try (var in = QueryRefusalCensus.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("no " + TEMPLATE + " on the class path: build the server first");
            }
            return new ObjectMapper().readTree(in);
        }
    }

    /** Prints the census; returns {translated, refused}. */
    static int[] run(Path corpus, SigmaParser parser) throws IOException {
        FieldTypes types = FieldTypes.fromTemplate(readTemplate())
                .withOtherwise(FieldKind.KEYWORD);
        SigmaQueryTranslator translator = new SigmaQueryTranslator(types);
        Map<String, List<String>> refusals = new TreeMap<>();
        int translated = 0;
        for (Path file : ruleFiles(corpus)) {
            for (SigmaResult r : parser.parse(Files.readString(file))) {
                if (r instanceof SigmaResult.Rule rule) {
                    try {
                        translator.translate(rule.rule());
                        translated++;
                    } catch (QueryTranslationException e) {
                        refusals.computeIfAbsent(e.feature(), k -> new ArrayList<>())
                                .add(corpus.relativize(file) + ": " + e.getMessage());
                    }
                }
            }
        }
        int refused = refusals.values().stream().mapToInt(List::size).sum();
        System.out.println("== query back end over all compiled SigmaHQ rules (events template mapping): "
                + translated + " translated, " + refused + " refused");
        refusals.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(e -> {
                    System.out.println("  refused " + e.getValue().size() + "x " + e.getKey());
                    e.getValue().stream().limit(EXAMPLES).forEach(x -> System.out.println("      " + x));
                });
        return new int[]{translated, refused};
    }

    static List<Path> ruleFiles(Path corpus) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> top = Files.list(corpus)) {
            for (Path dir : top.filter(p -> p.getFileName().toString().startsWith("rules") && Files.isDirectory(p))
                    .sorted().toList()) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }
}
