package io.vigil.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Readiness names each dependency separately, on the management port. */
@QuarkusTest
class ReadinessTest {

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void readyReportsOpenSearchPostgresAndKeycloakSeparately() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().port(managementPort).get("/q/health/ready").then().statusCode(200));
        List<Map<String, Object>> checks = given().port(managementPort).get("/q/health/ready").then().extract()
                .jsonPath().getList("checks");
        assertThat(checks).extracting(check -> check.get("name")).contains("opensearch", "postgresql", "keycloak");
        assertThat(checks).allSatisfy(check -> assertThat(check.get("status")).isEqualTo("UP"));
    }
}
