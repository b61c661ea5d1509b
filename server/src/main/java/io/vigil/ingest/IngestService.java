package io.vigil.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.detect.Detected;
import io.vigil.detect.DetectionService;
import io.vigil.event.EventSource;
import io.vigil.event.NormalizedEvent;
import io.vigil.index.DeadLetters;
import io.vigil.index.DurableEventWriter;
import io.vigil.index.EventIndexer;
import io.vigil.index.EventIndices;
import io.vigil.ingest.format.SourceFormat.Batch;
import io.vigil.ingest.format.SourceFormats;
import io.vigil.ingest.normalize.EventNormalizer;
import io.vigil.ingest.normalize.IngestContext;
import io.vigil.ingest.normalize.NormalizationException;
import io.vigil.ingest.parse.Item;
import io.vigil.ingest.parse.Payload;
import io.vigil.ingest.parse.PayloadLimits;
import io.vigil.ingest.parse.PayloadReader;

/**
 * One batch from intake to the store: split the payload into items, normalize each for its
 * source type, write the events, and keep every rejected item as a dead letter. An item counts
 * as accepted only once OpenSearch has taken it.
 */
@ApplicationScoped
public class IngestService {

    private final PayloadReader reader;
    private final DurableEventWriter writer;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final DetectionService detection;
    private final SourceFormats formats;

    IngestService(ObjectMapper json, DurableEventWriter writer, DeadLetters deadLetters, DetectionService detection,
            SourceFormats formats) {
        this.detection = detection;
        this.formats = formats;
        this.reader = new PayloadReader(json, PayloadLimits.DEFAULT);
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.clock = Clock.systemUTC();
    }

    /**
     * Ingests a payload for a source. Throws {@link io.vigil.index.Spool.SpoolFullException} when
     * OpenSearch is away and the spool is full: then nothing of the batch is acknowledged.
     */
    public IngestResult ingest(EventSource source, Payload payload, Origin origin) {
        return ingest(source, formats.of(source.type()).read(source, payload, reader), origin);
    }

    /**
     * Ingests syslog lines that arrived over the network, already framed. Throws
     * {@link io.vigil.index.Spool.SpoolFullException} like {@link #ingest(EventSource, Payload, Origin)}.
     */
    public IngestResult ingestLines(EventSource source, List<Item> lines, Origin origin) {
        return ingest(source, new Batch(lines, formats.of(source.type()).normalizer(source)), origin);
    }

    /**
     * Keeps input that arrived for a source this server does not know as dead letters, so that
     * nothing is dropped silently while the source is being set up.
     */
    public void keepUnrouted(String sourceName, List<Item> items, Origin origin, String reason) {
        var rejections = new Rejections(sourceName, origin);
        for (Item item : items) {
            rejections.add(item.line(), 404, reason, raw(item));
        }
        deadLetters.keep(rejections.deadLetters());
    }

    private IngestResult ingest(EventSource source, Batch batch, Origin origin) {
        Instant now = clock.instant();
        var context = origin.yearless() == null
                ? new IngestContext(source.name(), source.type(), now, origin.peer())
                : new IngestContext(source.name(), source.type(), now, origin.peer(), origin.yearless().before(),
                        origin.yearless().zone());
        List<Item> items = batch.items();
        EventNormalizer normalizer = batch.normalizer();

        var rejections = new Rejections(source.name(), origin);
        List<NormalizedEvent> events = new ArrayList<>();
        List<Item> eventItems = new ArrayList<>();
        for (Item item : items) {
            switch (item) {
                case Item.Rejected rejected -> rejections.add(rejected.line(), rejected.status(), rejected.reason(),
                        rejected.raw());
                default -> {
                    try {
                        events.add(normalizer.normalize(item, context));
                        eventItems.add(item);
                    } catch (NormalizationException e) {
                        rejections.add(item.line(), 422, e.getMessage(), raw(item));
                    }
                }
            }
        }

        List<EventIndexer.Document> documents = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            NormalizedEvent event = events.get(i);
            documents.add(new EventIndexer.Document(EventIndices.events(event.source(), event.timestamp()),
                    event.id(), event.document(), raw(eventItems.get(i)).length() * 2 + 512, event.nativeJson()));
        }
        // findings go with their events: one bulk request, the same durability
        Detected detected = source.detection()
                ? detection.detect(source.name(), source.type(), events)
                : Detected.NOTHING;
        documents.addAll(detected.documents());
        var written = writer.write(documents);
        // stored (or spooled to be): alerts and correlation may act on it
        detection.stored(detected);
        var outcome = written.outcome();
        int accepted = 0;
        int outsideRetention = 0;
        LocalDate kept = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(source.retentionDays());
        Instant keptFrom = kept.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < events.size(); i++) {
            String error = outcome.errors().get(i);
            if (error == null) {
                accepted++;
                // retention deletes whole days before this one (IndexRetention): so will it these events
                outsideRetention += events.get(i).timestamp().isBefore(keptFrom) ? 1 : 0;
            } else {
                rejections.add(eventItems.get(i).line(), 400, "the event store refused it: " + error,
                        raw(eventItems.get(i)));
            }
        }
        deadLetters.keep(rejections.deadLetters());
        return new IngestResult(accepted, rejections.count(), rejections.listed(), rejections.truncated(),
                written.spooled(), outsideRetention, notices(retentionNotice(source, outsideRetention, kept),
                        rejections.notice()));
    }

    private static String notices(String... notices) {
        String joined = Arrays.stream(notices).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static String retentionNotice(EventSource source, int outside, LocalDate kept) {
        if (outside == 0) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%,d of these events are dated before %s, older than source %s"
                + " keeps events (%d days): they are stored now and the next retention run (hourly) deletes them."
                + " To keep them, raise the source's retention first; for syslog lines without a year, check the"
                + " year they were dated in.", outside, kept, source.name(), source.retentionDays());
    }

    private static String raw(Item item) {
        return switch (item) {
            case Item.Json json -> json.raw();
            case Item.Text text -> text.raw();
            case Item.Rejected rejected -> rejected.raw();
        };
    }
}
