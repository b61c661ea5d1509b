package io.vigil.ingest.normalize;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.vigil.event.SourceType;

/**
 * What a normalizer knows about the batch: which source, when it arrived, and from which network
 * address when the intake knows it (syslog; null otherwise), and how to date syslog times without a year
 * or zone: closest before {@code yearlessBefore}, in {@code yearlessZone}.
 */
public record IngestContext(String source, SourceType type, Instant ingested, String peer, Instant yearlessBefore,
        ZoneId yearlessZone) {

    public IngestContext(String source, SourceType type, Instant ingested, String peer) {
        this(source, type, ingested, peer, ingested, ZoneOffset.UTC);
    }

    public IngestContext(String source, SourceType type, Instant ingested) {
        this(source, type, ingested, null);
    }
}
