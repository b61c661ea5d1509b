package io.vigil.ingest.normalize;

import java.time.Instant;

import io.vigil.event.SourceType;

/** What a normalizer knows about the batch: which source, and when it arrived. */
public record IngestContext(String source, SourceType type, Instant ingested) {
}
