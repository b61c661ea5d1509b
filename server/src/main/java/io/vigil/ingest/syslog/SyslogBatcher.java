package io.vigil.ingest.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.vigil.event.EventSource;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.Origin;
import io.vigil.ingest.parse.Item;
import io.vigil.ingest.source.SourceService;

/**
 * Collects received syslog messages and writes them in batches bounded by count and time. A batch
 * the store cannot take (OpenSearch away and the spool full, PostgreSQL away before the source was
 * ever resolved) is retried until it is written: the queue then fills, which pauses TCP senders.
 */
final class SyslogBatcher {

    /** One received message and where it came from. */
    record Received(String transport, String peer, String key, SyslogFraming.Frame frame) {
    }

    private static final Logger LOG = Logger.getLogger(SyslogBatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final SyslogConfig config;
    private final IngestService ingest;
    private final SourceService sources;
    private final BlockingQueue<Received> queue;
    private volatile boolean stopping;
    private long lastUnroutedWarning;

    SyslogBatcher(SyslogConfig config, IngestService ingest, SourceService sources) {
        this.config = config;
        this.ingest = ingest;
        this.sources = sources;
        this.queue = new ArrayBlockingQueue<>(config.queueSize());
    }

    /** Queues a message, waiting while the queue is full (TCP: the sender is paused meanwhile). */
    void put(Received received) throws InterruptedException {
        queue.put(received);
    }

    /** Queues a message if there is room; false when it had to be dropped (UDP under overload). */
    boolean offer(Received received) {
        return queue.offer(received);
    }

    int queued() {
        return queue.size();
    }

    /** Runs until {@link #stop()}, then writes what is still queued. */
    void run() {
        List<Received> batch = new ArrayList<>(config.batchSize());
        while (!stopping || !queue.isEmpty()) {
            try {
                fill(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
                queue.drainTo(batch);
            }
            if (!batch.isEmpty()) {
                deliver(batch);
                batch.clear();
            }
        }
    }

    void stop() {
        stopping = true;
    }

    /** Waits for a first message, then for the batch to fill or the flush interval to pass. */
    private void fill(List<Received> batch) throws InterruptedException {
        Received first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + config.flushInterval().toNanos();
        while (batch.size() < config.batchSize() && !stopping) {
            queue.drainTo(batch, config.batchSize() - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= config.batchSize() || left <= 0) {
                return;
            }
            Received next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    /** Writes a batch, one ingest per sender, retrying a part the store cannot take yet. */
    private void deliver(List<Received> batch) {
        Map<String, List<Received>> bySender = new LinkedHashMap<>();
        for (Received received : batch) {
            bySender.computeIfAbsent(received.transport() + ' ' + received.peer(), k -> new ArrayList<>())
                    .add(received);
        }
        for (List<Received> part : bySender.values()) {
            Received first = part.get(0);
            Origin origin = new Origin("syslog " + first.transport(), first.peer());
            List<Item> items = items(part);
            Duration backoff = Duration.ofMillis(500);
            while (!deliver(items, origin)) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private boolean deliver(List<Item> items, Origin origin) {
        try {
            Optional<EventSource> source = sources.named(config.source());
            if (source.isPresent()) {
                ingest.ingestLines(source.get(), items, origin);
            } else {
                warnUnrouted();
                ingest.keepUnrouted(config.source(), items, origin,
                        "no source named '" + config.source()
                                + "' (vigil.syslog.source): define it on the Sources page");
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("syslog: %d messages from %s wait for the store: %s", items.size(), origin.peer(),
                    io.vigil.ops.DependencySetup.rootMessage(e));
            return false;
        }
    }

    private void warnUnrouted() {
        long now = System.currentTimeMillis();
        if (now - lastUnroutedWarning > 60_000) {
            lastUnroutedWarning = now;
            LOG.warnf("syslog: messages arrive but there is no source named '%s'; they are kept as dead letters "
                    + "until it is defined (Sources page, type syslog) or vigil.syslog.source names another",
                    config.source());
        }
    }

    private List<Item> items(List<Received> part) {
        List<Item> items = new ArrayList<>(part.size());
        int line = 1;
        for (Received received : part) {
            items.add(item(line++, received));
        }
        return items;
    }

    private Item item(int line, Received received) {
        return switch (received.frame()) {
            case SyslogFraming.Message message -> {
                String text = new String(message.bytes(), StandardCharsets.UTF_8);
                yield SyslogText.isBinary(text)
                        ? new Item.Rejected(line, 400, "not a syslog message: mostly control bytes or invalid UTF-8",
                                text)
                        : new Item.Text(line, text, received.key());
            }
            case SyslogFraming.Oversized oversized -> new Item.Rejected(line, 413,
                    "syslog message of " + oversized.length() + " bytes is longer than the limit of "
                            + config.maxMessageSize() + " bytes (vigil.syslog.max-message-size); its start is kept",
                    new String(oversized.head(), StandardCharsets.UTF_8));
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
