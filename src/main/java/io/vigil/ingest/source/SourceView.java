package io.vigil.ingest.source;

import java.time.Instant;

/** A source as the API shows it: never the token or its hash, only a hint. */
public record SourceView(String name, String type, String scope, int retentionDays, String tokenHint,
        Instant createdAt, String createdBy, Instant tokenRotatedAt) {

    static SourceView of(IngestSource source) {
        return new SourceView(source.name, source.type, source.scope, source.retentionDays, source.tokenHint,
                source.createdAt, source.createdBy, source.tokenRotatedAt);
    }
}
