package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.Schema;

/** Flyway's migrations are applied to the real PostgreSQL once the server is up. */
@QuarkusTest
class MigrationsTest {

    @Inject
    DatabaseMigrator migrator;

    @Inject
    DataSource dataSource;

    @Test
    void migrationsAreAppliedAndRecorded() throws SQLException {
        Schema.awaitMigrated(migrator);
        List<String> applied = new ArrayList<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select version, success from flyway_schema_history where version is not null order by installed_rank")) {
            while (rows.next()) {
                assertThat(rows.getBoolean("success")).isTrue();
                applied.add(rows.getString("version"));
            }
        }
        assertThat(applied).startsWith("1");
    }

    @Test
    void theUserDirectoryTableExists() throws SQLException {
        Schema.awaitMigrated(migrator);
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from vigil_user")) {
            assertThat(rows.next()).isTrue();
        }
    }
}
