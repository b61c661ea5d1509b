package io.vigil.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vigil.testing.PackagedServer;

/**
 * The packaged server starts while OpenSearch, PostgreSQL and Keycloak are all down, says which
 * are down, and recovers by itself as each comes back, also after an outage at run time.
 */
class DependencyOutageIT {

    private final PackagedServer stack = new PackagedServer("target/it-outage");

    @AfterEach
    void stopAll() {
        stack.close();
    }

    @Test
    void startsWithDependenciesDownAndRecoversWhenTheyReturn() throws IOException {
        var server = stack.startServer().server();
        var openSearch = stack.openSearch();
        var postgres = stack.postgres();

        assertThat(given().baseUri(server.managementUrl()).get("/q/health/ready").statusCode()).isEqualTo(503);
        assertThat(readiness()).containsEntry("opensearch", "DOWN").containsEntry("postgresql", "DOWN")
                .containsEntry("keycloak", "DOWN");

        postgres.start();
        openSearch.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readiness())
                .containsEntry("opensearch", "UP").containsEntry("postgresql", "UP"));

        openSearch.stop();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readiness())
                .containsEntry("opensearch", "DOWN").containsEntry("postgresql", "UP"));
        openSearch.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readiness())
                .containsEntry("opensearch", "UP"));

        postgres.stop();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readiness())
                .containsEntry("postgresql", "DOWN"));
        postgres.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readiness())
                .containsEntry("postgresql", "UP"));
    }

    /** Name → UP/DOWN of every readiness check. */
    private Map<String, String> readiness() {
        List<Map<String, Object>> checks = given().baseUri(stack.server().managementUrl()).get("/q/health/ready").then()
                .extract().jsonPath().getList("checks");
        return checks.stream().collect(java.util.stream.Collectors.toMap(c -> (String) c.get("name"),
                c -> (String) c.get("status")));
    }
}
