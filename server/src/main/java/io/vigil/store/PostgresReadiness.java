package io.vigil.store;

import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.vigil.ops.DependencySetup;

/** Readiness of the workflow store: PostgreSQL answers and the schema is migrated. */
@Readiness
@ApplicationScoped
public class PostgresReadiness implements HealthCheck {

    private final DataSource dataSource;
    private final DatabaseMigrator migrator;

    PostgresReadiness(DataSource dataSource, DatabaseMigrator migrator) {
        this.dataSource = dataSource;
        this.migrator = migrator;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("postgresql");
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.setQueryTimeout(3);
            statement.execute("select 1");
            response.withData("server", connection.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            return response.down().withData("error", DependencySetup.rootMessage(e)).build();
        }
        return migrator.setup().report(response, "migrations");
    }
}
