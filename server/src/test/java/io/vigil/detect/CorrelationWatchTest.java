package io.vigil.detect;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.store.DatabaseMigrator;
import io.vigil.testing.Schema;
import io.vigil.testing.Tokens;

/**
 * Nothing fails silently: a waiting correlation decided further back than the lateness allows, and one
 * that shed state, raise system alerts that admins see on their page, close, and that analysts see in
 * the queue.
 */
@QuarkusTest
class CorrelationWatchTest {

    @Inject
    CorrelationWatch watch;

    @Inject
    EntityManager db;

    @Inject
    DatabaseMigrator migrator;

    @BeforeEach
    void migrated() {
        Schema.awaitMigrated(migrator);
    }

    @Transactional
    void settledAt(String rule, Instant through) {
        db.createNativeQuery("insert into correlation_health (rule_id, settled) values (?1, ?2)")
                .setParameter(1, rule).setParameter(2, through.toEpochMilli()).executeUpdate();
    }

    private static List<Map<String, Object>> systemAlerts(String rule) {
        return given().auth().oauth2(Tokens.of("analyst"))
                .get("/api/alerts?rule=" + CorrelationWatch.RULE_ID + "&limit=1000").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(a -> rule.equals(((Map<?, ?>) a.get("group")).get("rule.id"))).toList();
    }

    @Test
    void aRuleBehindAndARuleThatShedRaiseSystemAlertsAdminsClose() {
        String behind = "behind-" + UUID.randomUUID();
        String onTime = "on-time-" + UUID.randomUUID();
        Instant now = Instant.now();
        // %test keeps the default lateness (15 min) and behind-after (5 min)
        settledAt(behind, now.minus(Duration.ofMinutes(21)));
        settledAt(onTime, now.minus(Duration.ofMinutes(16)));
        assertThat(watch.check(Map.of(behind, "Slow rule", onTime, "Prompt rule"), now)).containsExactly(behind);
        assertThat(watch.check(Map.of(behind, "Slow rule"), now)).containsExactly(behind);
        assertThat(systemAlerts(behind)).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("count", 2).containsEntry("state", "new");
            @SuppressWarnings("unchecked")
            Map<String, Object> rule = (Map<String, Object>) a.get("rule");
            assertThat(rule).containsEntry("kind", "health")
                    .containsEntry("title", "Correlation rule fell behind: Slow rule");
        });
        assertThat(systemAlerts(onTime)).isEmpty();

        String flooded = "flooded-" + UUID.randomUUID();
        watch.shed(flooded, "Flooded rule", 2_300, 1_000);
        assertThat(systemAlerts(flooded)).singleElement()
                .satisfies(a -> assertThat(((Map<?, ?>) a.get("group")).get("problem")).isEqualTo("shed"));

        String page = given().auth().oauth2(Tokens.of("admin")).get("/admin/system-alerts").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Correlation rule shed state: Flooded rule").contains(flooded);
        String id = (String) systemAlerts(flooded).get(0).get("id");
        given().auth().oauth2(Tokens.of("admin")).header("HX-Request", "true")
                .post("/admin/system-alerts/" + id + "/close").then()
                .statusCode(200);
        assertThat(systemAlerts(flooded)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("state", "closed"));
        given().auth().oauth2(Tokens.of("analyst")).get("/admin/system-alerts").then().statusCode(403);
    }
}
