package io.vigil.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.vigil.ops.SetupState;
import io.vigil.store.DatabaseMigrator;

/**
 * The schema is migrated after start-up ({@link DatabaseMigrator}), not during it: a test that writes
 * to PostgreSQL directly and may run first in its JVM waits for the migrations before it starts.
 */
public final class Schema {

    private Schema() {
    }

    public static void awaitMigrated(DatabaseMigrator migrator) {
        await().atMost(Duration.ofSeconds(60)).until(() -> migrator.setup().state() instanceof SetupState.Done);
    }
}
