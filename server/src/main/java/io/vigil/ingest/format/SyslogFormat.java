package io.vigil.ingest.format;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.event.EventSource;
import io.vigil.event.SourceType;
import io.vigil.ingest.normalize.EventNormalizer;
import io.vigil.ingest.normalize.SyslogLineNormalizer;
import io.vigil.ingest.parse.Payload;
import io.vigil.ingest.parse.PayloadReader;
import io.vigil.ingest.syslog.auth.AuthParser;

/**
 * Syslog lines (RFC 3164 / 5424), from a file or the network. Each source keeps its own
 * {@link AuthParser}, so sshd and PAM lines are read in the context of their session's earlier lines,
 * across batches.
 */
@ApplicationScoped
class SyslogFormat implements SourceFormat {

    private final ConcurrentHashMap<String, AuthParser> authParsers = new ConcurrentHashMap<>();

    @Override
    public SourceType type() {
        return SourceType.SYSLOG;
    }

    @Override
    public Batch read(EventSource source, Payload payload, PayloadReader reader) {
        return new Batch(reader.text(payload), normalizer(source));
    }

    @Override
    public EventNormalizer normalizer(EventSource source) {
        return new SyslogLineNormalizer(authParsers.computeIfAbsent(source.name(), name -> new AuthParser()));
    }
}
