package io.vigil.index;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.vigil.ops.DependencySetup;

/**
 * Writes batches so that nothing acknowledged is lost: to OpenSearch when it answers, else to the
 * local {@link Spool}, from which a background task replays them in order once OpenSearch is back.
 * While anything is spooled, new batches queue behind it, so events reach the store in the order
 * they were acknowledged.
 */
@ApplicationScoped
public class DurableEventWriter {

    /** What became of a batch: the store's answer per document, or spooled (all kept on disk). */
    public record Written(EventIndexer.Outcome outcome, boolean spooled) {
    }

    private static final Logger LOG = Logger.getLogger(DurableEventWriter.class);

    private final EventIndexer indexer;
    private final Spool spool;

    DurableEventWriter(EventIndexer indexer, SpoolConfig config, ObjectMapper json) {
        this.indexer = indexer;
        this.spool = new Spool(Path.of(config.dir()), config.maxSize().asLongValue(), json);
        if (!spool.isEmpty()) {
            LOG.infof("Spool %s holds %d batches from before the restart; they will be replayed", config.dir(),
                    spool.batchCount());
        }
    }

    /** Throws {@link Spool.SpoolFullException} when the batch can be neither stored nor spooled. */
    public Written write(List<EventIndexer.Document> documents) {
        if (documents.isEmpty()) {
            return new Written(new EventIndexer.Outcome(List.of()), false);
        }
        if (spool.isEmpty()) {
            try {
                return new Written(indexer.write(documents), false);
            } catch (StoreUnavailableException e) {
                LOG.warnf("OpenSearch unavailable, spooling to disk: %s", DependencySetup.rootMessage(e));
            }
        }
        spool.append(documents);
        return new Written(new EventIndexer.Outcome(Collections.nCopies(documents.size(), null)), true);
    }

    public Spool spool() {
        return spool;
    }

    @Scheduled(every = "${vigil.spool.replay-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void replay() {
        if (spool.isEmpty()) {
            return;
        }
        int batches = 0;
        try {
            for (Spool.Replayed replayed; (replayed = spool.replayOldest(indexer::write)) != null;) {
                batches++;
                refusedToDeadLetters(replayed);
            }
            LOG.infof("Spool replayed: %d batches now in OpenSearch, spool empty", batches);
        } catch (StoreUnavailableException e) {
            if (batches > 0) {
                LOG.infof("Spool: %d batches replayed, OpenSearch unavailable again", batches);
            }
        }
    }

    /** Documents the store refused on replay were acknowledged: they become dead letters, not losses. */
    private void refusedToDeadLetters(Spool.Replayed replayed) {
        var letters = new java.util.ArrayList<EventIndexer.Document>();
        for (int i = 0; i < replayed.documents().size(); i++) {
            String error = replayed.outcome().errors().get(i);
            if (error != null) {
                var document = replayed.documents().get(i);
                letters.add(DeadLetters.document(new DeadLetters.DeadLetter(
                        document.body().path("vigil").path("source").asText("unknown"),
                        "spool " + replayed.file().getFileName(), "the event store refused it: " + error,
                        document.body().path("event").path("original").asText(document.body().toString())),
                        java.time.Instant.now()));
            }
        }
        if (!letters.isEmpty()) {
            write(letters);
        }
    }
}
