package io.vigil.index;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A local disk spool for batches OpenSearch could not take: each batch is one file, written to a
 * temporary name, forced to disk and renamed, so a crash never leaves half a batch that looks
 * whole. Batches are replayed oldest first. The spool has a size limit; beyond it intake must
 * refuse (503) rather than acknowledge what it cannot keep.
 */
public final class Spool {

    /** Writes a batch to the store; throws StoreUnavailableException when the store is away. */
    @FunctionalInterface
    public interface BatchWriter {

        EventIndexer.Outcome write(List<EventIndexer.Document> documents);
    }

    /** The spool is at its size limit. */
    public static class SpoolFullException extends RuntimeException {

        public SpoolFullException(String message) {
            super(message);
        }
    }

    /** A batch taken out of the spool and written: what the store refused in it, per document. */
    public record Replayed(Path file, List<EventIndexer.Document> documents, EventIndexer.Outcome outcome) {
    }

    private static final String SUFFIX = ".batch";

    private final Path dir;
    private final long maxBytes;
    private final ObjectMapper json;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();

    public Spool(Path dir, long maxBytes, ObjectMapper json) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.json = json;
        try {
            Files.createDirectories(dir);
            for (Path file : batches()) {
                bytes.addAndGet(Files.size(file));
                sequence.set(Math.max(sequence.get(), sequenceOf(file)));
            }
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "*.tmp")) {
                for (Path partial : leftovers) {
                    Files.delete(partial); // never acknowledged: the crash came before the rename
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the spool folder " + dir, e);
        }
    }

    public boolean isEmpty() {
        return bytes.get() == 0 && batches().isEmpty();
    }

    public long sizeBytes() {
        return bytes.get();
    }

    public int batchCount() {
        return batches().size();
    }

    /** Keeps a batch on disk; returns once it is durable. */
    public synchronized void append(List<EventIndexer.Document> documents) {
        Path tmp = dir.resolve(String.format("%020d", sequence.incrementAndGet()) + ".tmp");
        try {
            try (var out = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8))) {
                for (EventIndexer.Document document : documents) {
                    ObjectNode line = json.createObjectNode().put("index", document.index()).put("id", document.id())
                            .put("size", document.sizeHint());
                    line.set("body", document.merged(json));
                    out.write(json.writeValueAsString(line));
                    out.write('\n');
                }
            }
            long size = Files.size(tmp);
            if (bytes.get() + size > maxBytes) {
                Files.delete(tmp);
                throw new SpoolFullException("the local spool holds " + (bytes.get() >> 20) + " MiB of its "
                        + (maxBytes >> 20) + " MiB while OpenSearch is unavailable");
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, dir.resolve(tmp.getFileName().toString().replace(".tmp", SUFFIX)),
                    StandardCopyOption.ATOMIC_MOVE);
            bytes.addAndGet(size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the spool " + dir, e);
        }
    }

    /**
     * Writes the oldest batch with {@code writer} and removes it once the store took it. Returns
     * null when the spool is empty; a StoreUnavailableException leaves the batch in place.
     */
    public synchronized Replayed replayOldest(BatchWriter writer) {
        List<Path> batches = batches();
        if (batches.isEmpty()) {
            return null;
        }
        Path oldest = batches.get(0);
        try {
            List<EventIndexer.Document> documents = new ArrayList<>();
            for (String line : Files.readAllLines(oldest, StandardCharsets.UTF_8)) {
                JsonNode node = json.readTree(line);
                documents.add(new EventIndexer.Document(node.path("index").asText(),
                        node.path("id").isNull() ? null : node.path("id").asText(), (ObjectNode) node.get("body"),
                        node.path("size").asInt()));
            }
            EventIndexer.Outcome outcome = writer.write(documents);
            long size = Files.size(oldest);
            Files.delete(oldest);
            bytes.addAndGet(-size);
            return new Replayed(oldest, documents, outcome);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled batch " + oldest, e);
        }
    }

    private List<Path> batches() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the spool " + dir, e);
        }
        files.sort(null);
        return files;
    }

    private static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }
}
