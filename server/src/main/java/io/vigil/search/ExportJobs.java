package io.vigil.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Exports under way, by the id the browser chose, so the page can show progress and cancel one. Kept in
 * memory for an hour: an export is one streamed download from one replica, not a stored job.
 */
@ApplicationScoped
public class ExportJobs {

    static final Duration KEEP = Duration.ofHours(1);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final Map<String, ExportProgress> jobs = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** Registers an export under the browser's id; a malformed or reused id gets none. */
    public Optional<ExportProgress> start(String id, String owner) {
        Instant now = clock.instant();
        jobs.values().removeIf(p -> p.started.plus(KEEP).isBefore(now));
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        ExportProgress progress = new ExportProgress(owner, now);
        return jobs.putIfAbsent(id, progress) == null ? Optional.of(progress) : Optional.empty();
    }

    /** The user's own export of that id. */
    public Optional<ExportProgress> find(String id, String owner) {
        return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(p -> p.owner.equals(owner));
    }

    public boolean cancel(String id, String owner) {
        return find(id, owner).map(p -> p.cancelled = true).orElse(false);
    }
}
