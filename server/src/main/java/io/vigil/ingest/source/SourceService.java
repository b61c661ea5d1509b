package io.vigil.ingest.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.vigil.access.IngestTokens;
import io.vigil.access.SourceTokens;
import io.vigil.event.EventSource;
import io.vigil.event.SourceType;

/**
 * Defines sources and their ingest tokens, and resolves a presented token to its source. Resolved
 * tokens are remembered, so ingestion keeps working through a short database outage and does not
 * query PostgreSQL for every batch.
 */
@ApplicationScoped
public class SourceService implements SourceTokens {

    /** A new source, or a source with a new token: the token is in this answer and nowhere else. */
    public record IssuedToken(SourceView source, String token) {
    }

    /**
     * How long a resolved token is trusted without asking the database again: bounds how long a
     * token rotated on another replica keeps working here.
     */
    static final Duration TOKEN_CACHE = Duration.ofSeconds(60);

    private record Cached(EventSource source, Instant at) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> byTokenHash = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Cached> byName = new ConcurrentHashMap<>();

    SourceService() {
        this(Clock.systemUTC());
    }

    SourceService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public IssuedToken create(SourceRequest request, String createdBy) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        if (IngestSource.findById(request.name()) != null) {
            throw new InvalidSourceException(List.of("name: a source named '" + request.name() + "' exists"));
        }
        String token = IngestTokens.generate();
        Instant now = clock.instant();
        var source = new IngestSource();
        source.name = request.name();
        source.type = SourceType.of(request.type()).orElseThrow().id();
        source.scope = request.effectiveScope();
        source.retentionDays = request.effectiveRetentionDays();
        source.detection = request.effectiveDetection();
        source.tokenHash = IngestTokens.hash(token);
        source.tokenHint = IngestTokens.hint(token);
        source.createdAt = now;
        source.createdBy = createdBy;
        source.tokenRotatedAt = now;
        source.persist();
        return new IssuedToken(SourceView.of(source), token);
    }

    /** Replaces the source's token; the old one stops working at once. */
    @Transactional
    public Optional<IssuedToken> rotateToken(String name) {
        IngestSource source = IngestSource.findById(name);
        if (source == null) {
            return Optional.empty();
        }
        byTokenHash.remove(source.tokenHash);
        String token = IngestTokens.generate();
        source.tokenHash = IngestTokens.hash(token);
        source.tokenHint = IngestTokens.hint(token);
        source.tokenRotatedAt = clock.instant();
        return Optional.of(new IssuedToken(SourceView.of(source), token));
    }

    /**
     * Turns detection on or off for a source's events from the next batch on (other replicas follow
     * within {@link #TOKEN_CACHE}); the rules themselves, and other sources, are untouched.
     */
    @Transactional
    public Optional<SourceView> setDetection(String name, boolean enabled) {
        IngestSource source = IngestSource.findById(name);
        if (source == null) {
            return Optional.empty();
        }
        source.detection = enabled;
        forget(source);
        return Optional.of(SourceView.of(source));
    }

    /**
     * Moves a source to another data scope: users of the old scope stop seeing its events, users of
     * the new one start, on their next request and on every replica. Null when the scope is not valid.
     */
    @Transactional
    public Optional<SourceView> setScope(String name, String scope) {
        IngestSource source = IngestSource.findById(name);
        if (source == null) {
            return Optional.empty();
        }
        source.scope = SourceRequest.validScope(scope);
        forget(source);
        return Optional.of(SourceView.of(source));
    }

    @Transactional
    public boolean delete(String name) {
        IngestSource source = IngestSource.findById(name);
        if (source == null) {
            return false;
        }
        forget(source);
        source.delete();
        return true;
    }

    /** Drops what this replica cached of the source; others follow within {@link #TOKEN_CACHE}. */
    private void forget(IngestSource source) {
        byTokenHash.remove(source.tokenHash);
        byName.remove(source.name);
    }

    @Transactional
    public List<SourceView> list() {
        return IngestSource.<IngestSource>listAll().stream().map(SourceView::of)
                .sorted(java.util.Comparator.comparing(SourceView::name)).toList();
    }

    @Transactional
    public Optional<SourceView> find(String name) {
        return Optional.ofNullable(IngestSource.<IngestSource>findById(name)).map(SourceView::of);
    }

    /**
     * The source a token writes to, if the token is valid. While PostgreSQL is unreachable, a token
     * seen before is still honoured, so intake survives a database outage.
     */
    @Override
    public Optional<EventSource> sourceOf(String token) {
        String hash = IngestTokens.hash(token);
        Cached cached = byTokenHash.get(hash);
        Instant now = clock.instant();
        if (cached != null && cached.at().plus(TOKEN_CACHE).isAfter(now)) {
            return Optional.of(cached.source());
        }
        try {
            Optional<EventSource> found = lookUp(hash);
            found.ifPresentOrElse(source -> byTokenHash.put(hash, new Cached(source, now)),
                    () -> byTokenHash.remove(hash));
            return found;
        } catch (RuntimeException e) {
            if (cached != null) {
                return Optional.of(cached.source());
            }
            throw e;
        }
    }

    /**
     * A source by name, for intakes configured on the server (syslog listener, S3 queue) rather
     * than authenticated by token. Cached and honoured through a database outage like tokens.
     */
    public Optional<EventSource> named(String name) {
        Cached cached = byName.get(name);
        Instant now = clock.instant();
        if (cached != null && cached.at().plus(TOKEN_CACHE).isAfter(now)) {
            return Optional.of(cached.source());
        }
        try {
            Optional<EventSource> found = lookUpName(name);
            found.ifPresentOrElse(source -> byName.put(name, new Cached(source, now)), () -> byName.remove(name));
            return found;
        } catch (RuntimeException e) {
            if (cached != null) {
                return Optional.of(cached.source());
            }
            throw e;
        }
    }

    @Transactional
    Optional<EventSource> lookUpName(String name) {
        return Optional.ofNullable(IngestSource.<IngestSource>findById(name)).map(SourceService::resolved);
    }

    private static EventSource resolved(IngestSource source) {
        return new EventSource(source.name, SourceType.of(source.type).orElseThrow(), source.scope,
                source.detection, source.retentionDays);
    }

    @Transactional
    Optional<EventSource> lookUp(String hash) {
        return IngestSource.<IngestSource>find("tokenHash", hash).firstResultOptional()
                .map(SourceService::resolved);
    }
}
