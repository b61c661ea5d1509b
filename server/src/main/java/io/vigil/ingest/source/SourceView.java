package io.vigil.ingest.source;

import java.time.Instant;

/** A source as the API shows it: never the token or its hash, only a hint. */
public record SourceView(String name, String type, String scope, int retentionDays, boolean detection,
        String tokenHint, Instant createdAt, String createdBy, Instant tokenRotatedAt) {

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** Creation time for people, to the minute. */
    public String created() {
        return MINUTE.format(createdAt);
    }

    static SourceView of(IngestSource source) {
        return new SourceView(source.name, source.type, source.scope, source.retentionDays, source.detection,
                source.tokenHint,
                source.createdAt, source.createdBy, source.tokenRotatedAt);
    }
}
