package io.vigil.conformance;

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

/** The event corpora of {@link BackendEquivalence}, read as the conformance sets read them, keyed by a document id. */
final class EquivalenceEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EquivalenceEvents() {
    }

    /** Stratus detonation records ({@code st-<file>-<i>}) and Panther test events ({@code pa-<i>}). */
    static Map<String, JsonNode> cloudTrail(Path corpora) throws IOException {
        Map<String, JsonNode> events = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(corpora.resolve("cloudtrail/stratus-red-team/docs/detonation-logs"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode root = JSON.readTree(f.toFile());
            JsonNode records = root.has("Records") ? root.get("Records") : root;
            List<JsonNode> list = new ArrayList<>();
            if (records.isArray()) {
                records.forEach(list::add);
            } else {
                list.add(records);
            }
            String name = f.getFileName().toString().replace(".json", "");
            for (int i = 0; i < list.size(); i++) {
                events.put("st-" + name + "-" + i, list.get(i));
            }
        }
        List<String> lines = Files.readAllLines(
                corpora.resolve("cloudtrail/panther-analysis-tests/aws_cloudtrail_rule_tests.logs.jsonl"));
        int i = 0;
        for (String line : lines) {
            if (!line.isBlank()) {
                events.put("pa-" + i++, JSON.readTree(line));
            }
        }
        return events;
    }

    /**
     * Each event again with every string upper-cased (id + {@code -uc}): the corpora are mostly written in
     * one case, so without these the back ends' case handling would hardly be compared.
     */
    static Map<String, JsonNode> withUpperCase(Map<String, JsonNode> events) {
        Map<String, JsonNode> out = new LinkedHashMap<>(events);
        events.forEach((id, e) -> out.put(id + "-uc", upper(e)));
        return out;
    }

    private static JsonNode upper(JsonNode node) {
        if (node.isTextual()) {
            return JSON.getNodeFactory().textNode(node.textValue().toUpperCase(java.util.Locale.ROOT));
        }
        if (node.isObject()) {
            var copy = JSON.createObjectNode();
            node.properties().forEach(f -> copy.set(f.getKey(), upper(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(v -> copy.add(upper(v)));
            return copy;
        }
        return node;
    }

    static String describe(JsonNode e) {
        if (e == null) {
            return "(unknown id)";
        }
        if (e.has("eventName")) {
            return "(eventName " + e.path("eventName").asText() + ", eventID " + e.path("eventID").asText() + ")";
        }
        return "(EventID " + e.path("EventID").asText() + ", Channel " + e.path("Channel").asText() + ")";
    }
}
