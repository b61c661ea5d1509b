package io.vigil.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.vigil.access.IngestTokens;
import io.vigil.devstack.PostgresService;
import io.vigil.testing.PackagedServer;

/**
 * OpenSearch is killed (SIGKILL) in the middle of a steady ingest and started again: intake keeps
 * acknowledging into the disk spool, the spool replays, and afterwards every acknowledged event is
 * searchable exactly once.
 */
class SpoolOutageIT {

    private final PackagedServer stack = new PackagedServer("target/it-spool");

    @AfterEach
    void stopAll() {
        stack.close();
    }

    @Test
    void everyAcknowledgedEventIsSearchableExactlyOnceAfterAnOutage() throws Exception {
        var openSearch = stack.openSearch();
        var postgres = stack.postgres();
        postgres.start();
        openSearch.start();
        var server = stack.startServer().server();
        await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(given().baseUri(server.managementUrl())
                .get("/q/health/ready").jsonPath().getString("checks.find { it.name == 'postgresql' }.status")));
        String token = createSource(postgres, "spooltest");

        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong acknowledged = new AtomicLong();
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger spooledBatches = new AtomicInteger();
        Thread sender = new Thread(() -> {
            int n = 0;
            while (sending.get()) {
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < 100; i++, n++) {
                    body.append("{\"event\":{\"id\":\"e-").append(n).append("\"},\"n\":").append(n).append("}\n");
                }
                var response = given().baseUri(server.url()).header("Authorization", "Bearer " + token)
                        .body(body.toString()).post("/api/ingest/spooltest");
                if (response.statusCode() == 200) {
                    JsonPath result = response.jsonPath();
                    acknowledged.addAndGet(result.getInt("accepted"));
                    if (result.getBoolean("spooled")) {
                        spooledBatches.incrementAndGet();
                    }
                }
                batches.incrementAndGet();
            }
        });
        sender.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> batches.get() >= 10);
        openSearch.kill();
        int atKill = batches.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> batches.get() >= atKill + 10);
        openSearch.start();
        int atRestart = batches.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> batches.get() >= atRestart + 10);
        sending.set(false);
        sender.join();

        assertThat(spooledBatches.get()).as("batches acknowledged from the spool").isGreaterThan(0);
        Path spool = stack.layout().dataDir().resolve("spool");
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            try (var files = Files.list(spool)) {
                return files.noneMatch(f -> f.toString().endsWith(".batch"));
            }
        });
        given().baseUri(openSearch.url()).post("/vigil-events-spooltest-*/_refresh").then().statusCode(200);
        // on one shard a terms aggregation is exact: no event id may be stored twice
        JsonPath counts = given().baseUri(openSearch.url()).contentType("application/json")
                .body("{\"size\":0,\"track_total_hits\":true,\"aggs\":{\"twice\":{\"terms\":"
                        + "{\"field\":\"event.id\",\"min_doc_count\":2,\"size\":10}}}}")
                .post("/vigil-events-spooltest-*/_search").then().statusCode(200).extract().jsonPath();
        assertThat(counts.getLong("hits.total.value")).as("stored events").isEqualTo(acknowledged.get());
        assertThat(counts.getList("aggregations.twice.buckets")).as("event ids stored twice").isEmpty();
    }

    /** The source goes straight into PostgreSQL: this test runs without Keycloak. */
    private static String createSource(PostgresService postgres, String name) throws Exception {
        String token = IngestTokens.generate();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresService.USER,
                PostgresService.PASSWORD);
                var insert = connection.prepareStatement("insert into ingest_source (name, type, scope, retention_days,"
                        + " token_hash, token_hint, created_by) values (?, 'json', ?, 7, ?, ?, 'it')")) {
            insert.setString(1, name);
            insert.setString(2, name);
            insert.setString(3, IngestTokens.hash(token));
            insert.setString(4, IngestTokens.hint(token));
            insert.executeUpdate();
        }
        return token;
    }
}
