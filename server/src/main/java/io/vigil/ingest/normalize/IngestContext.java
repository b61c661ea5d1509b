package io.vigil.ingest.normalize;

import java.time.Instant;

import io.vigil.event.SourceType;

/**
 * What a normalizer knows about the batch: which source, when it arrived, and from which network
 * address when the intake knows it (syslog; null otherwise).
 */
public record IngestContext(String source, SourceType type, Instant ingested, String peer) {

    public IngestContext(String source, SourceType type, Instant ingested) {
        this(source, type, ingested, null);
    }
}
