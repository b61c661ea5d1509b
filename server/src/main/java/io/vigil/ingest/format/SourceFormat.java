package io.vigil.ingest.format;

import java.util.List;

import io.vigil.event.EventSource;
import io.vigil.event.SourceType;
import io.vigil.ingest.normalize.EventNormalizer;
import io.vigil.ingest.parse.Item;
import io.vigil.ingest.parse.Payload;
import io.vigil.ingest.parse.PayloadReader;

/**
 * How the input of one source type is read: how a payload splits into items, which normalizer turns
 * them into events, and any state kept per source between batches (a syslog host's sshd sessions).
 * One CDI bean per {@link SourceType}; {@link SourceFormats} finds them. Adding a source type is adding
 * its constant to {@link SourceType} and one class implementing this.
 */
public interface SourceFormat {

    /** The items of one payload, and the normalizer that reads them. */
    record Batch(List<Item> items, EventNormalizer normalizer) {
    }

    SourceType type();

    /** Splits a payload (an HTTP body, an upload, an S3 object) into items, each bad one a rejection. */
    Batch read(EventSource source, Payload payload, PayloadReader reader);

    /** The normalizer for items that arrived already framed (syslog lines from the network). */
    EventNormalizer normalizer(EventSource source);
}
