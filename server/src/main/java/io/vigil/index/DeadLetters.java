package io.vigil.index;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOrder;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.ops.DependencySetup;

/**
 * Keeps what could not become an event — raw input, reason, source, where in the input, when — in
 * {@code vigil-deadletters-*}, where administrators can see it. Nothing is dropped silently: if
 * even this write fails, the loss is logged with its reason.
 */
@ApplicationScoped
public class DeadLetters {

    /** One rejected piece of input. */
    public record DeadLetter(String source, String location, String reason, String raw) {
    }

    static final int RAW_LIMIT = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final DurableEventWriter writer;
    private final OpenSearchClient client;
    private final RawQueries queries;
    private final Clock clock;

    @Inject
    DeadLetters(DurableEventWriter writer, OpenSearchClient client, RawQueries queries) {
        this(writer, client, queries, Clock.systemUTC());
    }

    DeadLetters(DurableEventWriter writer, OpenSearchClient client, RawQueries queries, Clock clock) {
        this.writer = writer;
        this.client = client;
        this.queries = queries;
        this.clock = clock;
    }

    /** A page of dead letters newest first, how many there are, and where the next page starts (or null). */
    public record Page(List<StoredDeadLetter> letters, long total, String next) {
    }

    /**
     * {@code size} dead letters newest first, of one source or all (null), from the newest or after the
     * cursor {@code after} (a page's {@code next}): paging reaches every letter (see {@link SortCursor}).
     */
    public Page page(String source, String after, int size) {
        var body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("size", size)
                .put("track_total_hits", true);
        if (source != null) {
            body.putObject("query").putObject("term").put("vigil.source", source);
        }
        var sort = body.putArray("sort");
        sort.addObject().putObject("@timestamp").put("order", "desc");
        sort.addObject().putObject("_index").put("order", "desc");
        sort.addObject().putObject("_seq_no").put("order", "desc");
        if (after != null && !after.isBlank()) {
            body.set("search_after", SortCursor.decode(after, sort.size()));
        }
        var answer = queries.search(EventIndices.DEAD_LETTERS_PREFIX + "*", body);
        List<StoredDeadLetter> letters = new java.util.ArrayList<>();
        answer.path("hits").path("hits").forEach(hit -> letters.add(stored(hit.path("_source"))));
        return new Page(letters, answer.path("hits").path("total").path("value").asLong(),
                SortCursor.next(answer.path("hits").path("hits"), size));
    }

    private static StoredDeadLetter stored(com.fasterxml.jackson.databind.JsonNode doc) {
        return new StoredDeadLetter(doc.path("@timestamp").asText(), doc.path("vigil").path("source").asText(),
                doc.path("location").asText(), doc.path("reason").asText(), doc.path("raw").asText());
    }

    /** A stored dead letter, newest first in listings. */
    public record StoredDeadLetter(String time, String source, String location, String reason, String raw) {
    }

    /** The newest dead letters, of one source or of all (source null). */
    public List<StoredDeadLetter> latest(String source, int limit) {
        try {
            var response = client.search(s -> {
                s.index(EventIndices.DEAD_LETTERS_PREFIX + "*").size(limit).ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Desc)));
                if (source != null) {
                    s.query(q -> q.term(t -> t.field("vigil.source").value(FieldValue.of(source))));
                }
                return s;
            }, ObjectNode.class);
            return response.hits().hits().stream().map(hit -> hit.source()).filter(java.util.Objects::nonNull)
                    .map(DeadLetters::stored)
                    .toList();
        } catch (IOException | OpenSearchException e) {
            throw new StoreUnavailableException("cannot read dead letters: " + DependencySetup.rootMessage(e), e);
        }
    }

    public void keep(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<EventIndexer.Document> documents = letters.stream().map(letter -> document(letter, now)).toList();
        try {
            var written = writer.write(documents);
            long stored = written.outcome().stored();
            if (stored < letters.size()) {
                LOG.errorf("%d dead letters could not be stored: %s", letters.size() - stored,
                        written.outcome().errors().stream().filter(java.util.Objects::nonNull).findFirst().orElse(""));
            }
        } catch (Spool.SpoolFullException e) {
            LOG.errorf("%d dead letters of source %s lost: %s", letters.size(), letters.get(0).source(),
                    e.getMessage());
        }
    }

    static EventIndexer.Document document(DeadLetter letter, Instant now) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@timestamp", now.toString());
        body.putObject("vigil").put("source", letter.source());
        body.put("reason", letter.reason());
        body.put("location", letter.location());
        String raw = letter.raw() == null ? "" : letter.raw();
        body.put("raw", raw.length() > RAW_LIMIT ? raw.substring(0, RAW_LIMIT) + "…[cut at 64 KiB]" : raw);
        return new EventIndexer.Document(EventIndices.deadLetters(now), null, body, raw.length() + 256);
    }
}
