package io.vigil.detect;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.detect.match.EventContext;
import io.vigil.ops.SetupState;
import io.vigil.store.DatabaseMigrator;

/**
 * The logsources (product, service, category) detection has seen events of, kept in PostgreSQL with the
 * time last seen, so the rules list can badge enabled rules that no event reaches ("no data") the same
 * way on every replica. Ingest adds a batch's logsources in memory; they are written every half minute.
 */
@ApplicationScoped
public class LogSourcesSeen {

    private static final Logger LOG = Logger.getLogger(LogSourcesSeen.class);

    private final Set<EventContext> pending = ConcurrentHashMap.newKeySet();
    private final EntityManager db;
    private final DatabaseMigrator migrator;

    LogSourcesSeen(EntityManager db, DatabaseMigrator migrator) {
        this.db = db;
        this.migrator = migrator;
    }

    /** A batch's logsources (called once per batch: a set add each, no I/O). */
    void saw(Collection<EventContext> contexts) {
        pending.addAll(contexts);
    }

    @Scheduled(every = "${vigil.detection.logsources-every:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        if (pending.isEmpty() || !(migrator.setup().state() instanceof SetupState.Done)) {
            return;
        }
        List<EventContext> taken = List.copyOf(pending);
        pending.removeAll(taken);
        try {
            write(taken);
        } catch (RuntimeException e) {
            // PostgreSQL is down: keep them for the next round (a set: nothing piles up)
            pending.addAll(taken);
            LOG.debugf("Logsources seen not written yet: %s", e.getMessage());
        }
    }

    @Transactional
    void write(List<EventContext> contexts) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (EventContext context : contexts) {
            db.createNativeQuery("""
                    insert into logsource_seen (product, service, category, last_seen) values (?1, ?2, ?3, ?4)
                    on conflict (product, service, category) do update set last_seen = excluded.last_seen""")
                    .setParameter(1, orEmpty(context.product())).setParameter(2, orEmpty(context.service()))
                    .setParameter(3, orEmpty(context.category())).setParameter(4, now).executeUpdate();
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
