package io.vigil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CloudTrail-shaped events for benchmarks: the real records of {@code ../shared/corpora/cloudtrail}
 * when present (else the product's own fixture), repeated with fresh event ids and times within
 * the last day, so every event is distinct.
 */
final class CloudTrailCorpus {

    private CloudTrailCorpus() {
    }

    static List<ObjectNode> seeds(ObjectMapper json) throws IOException {
        List<ObjectNode> seeds = new ArrayList<>();
        Path corpus = Path.of("../shared/corpora/cloudtrail/stratus-red-team/docs/detonation-logs");
        if (Files.isDirectory(corpus)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(corpus, "*.json")) {
                for (Path file : files) {
                    addRecords(json.readTree(file.toFile()), seeds);
                }
            }
        }
        if (seeds.isEmpty()) {
            try (InputStream in = CloudTrailCorpus.class.getResourceAsStream("/fixtures/ingest/cloudtrail-file.json")) {
                addRecords(json.readTree(in), seeds);
            }
        }
        return seeds;
    }

    private static void addRecords(JsonNode file, List<ObjectNode> seeds) {
        JsonNode records = file.isArray() ? file : file.path("Records");
        records.forEach(record -> {
            if (record instanceof ObjectNode object && object.has("eventName")) {
                seeds.add(object);
            }
        });
    }

    /**
     * The {@code n}-th event of a run: a seed with an id of its own and a time spread over the last 24
     * hours. Each run has its own ids, as fresh traffic would: repeated ids would make every write of a
     * later run (events in a new source, and their findings) an overwrite.
     */
    static ObjectNode event(List<ObjectNode> seeds, int n, Instant now, long run) {
        ObjectNode event = seeds.get(n % seeds.size()).deepCopy();
        event.put("eventID", new UUID(run, n).toString());
        event.put("eventTime", now.minusMillis((n * 7919L) % 86_400_000L).toString().replaceAll("\\.\\d+Z$", "Z"));
        return event;
    }
}
