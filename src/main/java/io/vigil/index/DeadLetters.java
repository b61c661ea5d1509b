package io.vigil.index;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

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

    private final EventIndexer indexer;
    private final Clock clock;

    @Inject
    DeadLetters(EventIndexer indexer) {
        this(indexer, Clock.systemUTC());
    }

    DeadLetters(EventIndexer indexer, Clock clock) {
        this.indexer = indexer;
        this.clock = clock;
    }

    public void keep(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<EventIndexer.Document> documents = letters.stream().map(letter -> document(letter, now)).toList();
        try {
            var outcome = indexer.write(documents);
            if (outcome.stored() < letters.size()) {
                LOG.errorf("%d dead letters could not be stored: %s", letters.size() - outcome.stored(),
                        outcome.errors().stream().filter(java.util.Objects::nonNull).findFirst().orElse(""));
            }
        } catch (StoreUnavailableException e) {
            LOG.errorf("%d dead letters of source %s lost, OpenSearch unavailable: %s", letters.size(),
                    letters.get(0).source(), DependencySetup.rootMessage(e));
        }
    }

    private static EventIndexer.Document document(DeadLetter letter, Instant now) {
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
