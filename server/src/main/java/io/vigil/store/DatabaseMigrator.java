package io.vigil.store;

import jakarta.inject.Singleton;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.ops.DependencySetup;

/**
 * Runs the Flyway migrations as soon as PostgreSQL can be reached, retrying until then. Quarkus
 * would otherwise migrate at boot and refuse to start while the database is down; Vigil starts,
 * reports itself not ready, and catches up on its own.
 */
@Singleton
public class DatabaseMigrator {

    private final Flyway flyway;
    private final DependencySetup setup = new DependencySetup("Database migrations",
            Logger.getLogger(DatabaseMigrator.class));

    DatabaseMigrator(Flyway flyway) {
        this.flyway = flyway;
    }

    public DependencySetup setup() {
        return setup;
    }

    @Scheduled(every = "${vigil.database.setup-retry:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void ensureMigrated() {
        setup.attempt(() -> {
            var result = flyway.migrate();
            return "Database schema at version %s (%d migrations applied now)"
                    .formatted(flyway.info().current().getVersion(), result.migrationsExecuted);
        });
    }
}
