package io.vigil.detect.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigil.testing.TestRules;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/**
 * Alerts on the real stack: findings of high rules and correlation windows raise alerts, a repeat of
 * the same rule and group grows the open alert, triage moves it, managers only read.
 */
@QuarkusTest
class AlertsTest {

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static String record(String call, String agent, String user, String ip, Instant at) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + at.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"" + call + "\",\"awsRegion\":\"eu-west-1\","
                + "\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"" + agent + "\",\"userIdentity\":{\"type\":"
                + "\"IAMUser\",\"userName\":\"" + user + "\"},\"eventID\":\"" + UUID.randomUUID()
                + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<Map<String, Object>> alerts(String query) {
        return as("analyst").get("/api/alerts?" + query).then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void findingsOfAHighRuleRaiseOneAlertThatGrowsWhileItRepeats() {
        String agent = "alert-" + UUID.randomUUID();
        String high = TestRules.callBy("PutBucketPolicy", agent, "Bucket policy changed", "high", "attack.t1530",
                "t-alerts");
        String low = TestRules.callBy("PutBucketPolicy", agent, "Bucket policy changed, low", "low", "attack.t1530",
                "t-alerts");
        String source = TestSources.create("t-alerts-", "cloudtrail", 30);
        Instant now = Instant.now();
        TestSources.ingest(source, record("PutBucketPolicy", agent, "mallory", "198.51.100.9", now.minusSeconds(60))
                + "\n" + record("PutBucketPolicy", agent, "mallory", "198.51.100.9", now.minusSeconds(50)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts("rule=" + high).size() == 1);
        Map<String, Object> alert = alerts("rule=" + high).get(0);
        assertThat(alert).containsEntry("count", 1).containsEntry("events", 2).containsEntry("state", "new");
        assertThat(map(alert.get("rule"))).containsEntry("kind", "single").containsEntry("level", "high");
        assertThat(map(alert.get("group"))).containsEntry("source.ip", "198.51.100.9")
                .containsEntry("user.name", "mallory");
        assertThat(alerts("rule=" + low)).as("low findings stay building blocks").isEmpty();

        TestSources.ingest(source, record("PutBucketPolicy", agent, "mallory", "198.51.100.9", now.minusSeconds(5)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts("rule=" + high).get(0).get("count").equals(2));
        assertThat(alerts("rule=" + high)).singleElement().satisfies(a -> assertThat(a).containsEntry("events", 3));
        JsonPath detail = as("analyst").get("/api/alerts/" + alert.get("id")).then().statusCode(200).extract()
                .jsonPath();
        assertThat(detail.getList("events.id")).hasSize(3);
        assertThat(detail.getList("events.source")).containsOnly(source.split(" ")[0]);
    }

    @Test
    void aCorrelationRaisesOneAlertPerGroupAndExtendsIt() {
        String agent = "spray-" + UUID.randomUUID();
        String base = "denied_" + agent.substring(6, 14);
        String correlation = UUID.randomUUID().toString();
        String yaml = """
                title: Access denied
                id: %s
                name: %s
                level: low
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection: {eventName: GetObject, userAgent: '%s'}
                  condition: selection
                ---
                title: A burst of access denied from one address
                id: %s
                level: high
                correlation:
                  type: event_count
                  rules: [%s]
                  group-by: [sourceIPAddress]
                  timespan: 10m
                  condition: {gte: 3}
                """.formatted(UUID.randomUUID(), base, agent, correlation, base);
        as("engineer").body(yaml.getBytes(StandardCharsets.UTF_8)).post("/api/rules/import?pack=t-correlations")
                .then().statusCode(200).body("stored", is(2));
        String source = TestSources.create("t-burst-", "cloudtrail", 30);
        Instant now = Instant.now();
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            burst.append(record("GetObject", agent, "u" + i, "203.0.113.5", now.minusSeconds(30 - i))).append('\n');
        }
        burst.append(record("GetObject", agent, "u9", "203.0.113.6", now.minusSeconds(20)));
        TestSources.ingest(source, burst.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts("rule=" + correlation).size() == 1);
        Map<String, Object> alert = alerts("rule=" + correlation).get(0);
        assertThat(map(alert.get("rule"))).containsEntry("kind", "event_count").containsEntry("level", "high");
        assertThat(map(alert.get("group"))).isEqualTo(Map.of("sourceIPAddress", "203.0.113.5"));
        assertThat(alert).containsEntry("events", 3);

        TestSources.ingest(source, record("GetObject", agent, "u3", "203.0.113.5", now.minusSeconds(10)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts("rule=" + correlation).get(0).get("events")
                .equals(4));
        assertThat(alerts("rule=" + correlation)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("count", 2));

        // its health: running, what it took and fired, what it holds; the 203.0.113.6 match is a group of one
        JsonPath health = as("engineer").get("/api/rules/" + correlation + "/health").then().statusCode(200)
                .extract().jsonPath();
        assertThat(health.getBoolean("inForce")).isTrue();
        assertThat(health.getBoolean("rising")).isTrue();
        assertThat(health.getLong("inputs")).isEqualTo(5);
        assertThat(health.getLong("fired")).isEqualTo(2);
        assertThat(health.getLong("stateInputs")).isEqualTo(5);
        assertThat(health.getLong("stateGroups")).isEqualTo(2);
        assertThat(as("engineer").get("/rules/" + correlation + "/health").then().statusCode(200).extract()
                .asString()).contains("as soon as a window holds", "2 windows from 5 inputs");
        as("engineer").get("/api/rules/" + base + "-none/health").then().statusCode(404);
    }

    @Test
    void alertLevelsSetOnARuleOrItsPackDecideWhichFindingsAlert() {
        String agent = "levels-" + UUID.randomUUID();
        String pack = "t-levels-" + agent.substring(7, 15);
        String low = TestRules.callBy("PutBucketAcl", agent, "Bucket ACL changed, low", "low", "attack.t1530", pack);
        String high = TestRules.callBy("PutBucketAcl", agent, "Bucket ACL changed, high", "high", "attack.t1530",
                pack);
        as("engineer").contentType("application/json").body(Map.of("level", "low"))
                .post("/api/alert-levels/rules/" + low).then().statusCode(204);
        as("engineer").contentType("application/json").body(Map.of("level", "never"))
                .post("/api/alert-levels/packs/" + pack).then().statusCode(204);
        as("engineer").contentType("application/json").body(Map.of("level", "sometimes"))
                .post("/api/alert-levels/packs/" + pack).then().statusCode(400);
        as("analyst").contentType("application/json").body(Map.of("level", "low"))
                .post("/api/alert-levels/rules/" + low).then().statusCode(403);
        assertThat(as("engineer").get("/api/alert-levels").then().statusCode(200).extract().jsonPath()
                .getMap("$")).containsEntry(low, "low").containsEntry(high, "never");

        String source = TestSources.create("t-levels-", "cloudtrail", 30);
        TestSources.ingest(source, record("PutBucketAcl", agent, "eve", "192.0.2.77", Instant.now().minusSeconds(5)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts("rule=" + low).size() == 1);
        assertThat(alerts("rule=" + high)).as("its pack says never").isEmpty();
    }

    @Test
    void aRulesOwnSuppressionWindowDecidesWhenARepeatOpensAnotherAlert() {
        String agent = "window-" + UUID.randomUUID();
        String pack = "t-window-" + agent.substring(7, 15);
        String rule = TestRules.callBy("PutBucketCors", agent, "Bucket CORS changed", "high", "attack.t1530", pack);
        // on the rule's page, as an engineer would: the pack's window is set through the API
        as("engineer").contentType("application/json").body(Map.of("suppression", "2h"))
                .post("/api/alert-suppression/packs/" + pack).then().statusCode(204);
        as("engineer").contentType("application/json").body(Map.of("suppression", "soon"))
                .post("/api/alert-suppression/rules/" + rule).then().statusCode(400);
        assertThat(as("engineer").get("/rules/" + rule + "/alerting").then().statusCode(200).extract().asString())
                .contains("<strong>2h</strong>").contains("set on its pack");
        String saved = as("engineer").header("HX-Request", "true").formParam("level", "")
                .formParam("suppression", "2m").post("/rules/" + rule + "/alerting").then().statusCode(200)
                .extract().asString();
        assertThat(saved).contains("<strong>2m</strong>").contains("set on this rule").contains("Saved");
        as("analyst").header("HX-Request", "true").formParam("suppression", "5m")
                .post("/rules/" + rule + "/alerting").then().statusCode(403);

        String source = TestSources.create("t-window-", "cloudtrail", 30);
        Instant now = Instant.now();
        TestSources.ingest(source, record("PutBucketCors", agent, "eve", "192.0.2.78", now.minusSeconds(400)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts("rule=" + rule).size() == 1);
        // 6 minutes later: beyond the rule's 2 minutes, though within its pack's 2 hours
        TestSources.ingest(source, record("PutBucketCors", agent, "eve", "192.0.2.78", now.minusSeconds(40)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts("rule=" + rule).size() == 2);
        // within 2 minutes of the newer alert's event: it extends that one
        TestSources.ingest(source, record("PutBucketCors", agent, "eve", "192.0.2.78", now.minusSeconds(5)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts("rule=" + rule).stream()
                .anyMatch(a -> a.get("count").equals(2)));
        assertThat(alerts("rule=" + rule)).hasSize(2);
    }

    @Test
    void triageMovesAlertsAndManagersOnlyRead() {
        String agent = "triage-" + UUID.randomUUID();
        String rule = TestRules.callBy("DeleteBucket", agent, "Bucket deleted", "critical", "attack.t1485",
                "t-alerts");
        String source = TestSources.create("t-triage-", "cloudtrail", 30);
        TestSources.ingest(source, record("DeleteBucket", agent, "a", "192.0.2.1", Instant.now().minusSeconds(9))
                + "\n" + record("DeleteBucket", agent, "b", "192.0.2.2", Instant.now().minusSeconds(8)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts("rule=" + rule).size() == 2);
        List<String> ids = alerts("rule=" + rule).stream().map(a -> (String) a.get("id")).toList();

        as("manager").get("/api/alerts?rule=" + rule).then().statusCode(200);
        as("manager").contentType("application/json").body(Map.of("ids", ids, "action", "acknowledge"))
                .post("/api/alerts/triage").then().statusCode(403);

        JsonPath acked = as("analyst").contentType("application/json").body(Map.of("ids", ids, "action",
                "acknowledge")).post("/api/alerts/triage").then().statusCode(200).extract().jsonPath();
        assertThat(acked.getList("alert.state")).containsOnly("acknowledged");
        assertThat(acked.getList("alert.updatedBy")).containsOnly("analyst");
        assertThat(as("analyst").contentType("application/json").body(Map.of("ids", ids, "action", "close"))
                .post("/api/alerts/triage").then().statusCode(400).extract().asString())
                .contains("true_positive, false_positive, benign");
        as("analyst").contentType("application/json").body(Map.of("ids", ids.subList(0, 1), "action", "close",
                "reason", "false_positive")).post("/api/alerts/triage").then().statusCode(200);
        assertThat(alerts("rule=" + rule + "&state=closed")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("closeReason", "false_positive"));
        JsonPath again = as("handler").contentType("application/json").body(Map.of("ids", ids.subList(0, 1),
                "action", "acknowledge")).post("/api/alerts/triage").then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("[0].problem")).isEqualTo("cannot acknowledge an alert that is closed");
        as("handler").contentType("application/json").body(Map.of("ids", ids.subList(0, 1), "action", "reopen"))
                .post("/api/alerts/triage").then().statusCode(200);
        as("handler").contentType("application/json").body(Map.of("ids", ids, "action", "assign", "assignee",
                "handler")).post("/api/alerts/triage").then().statusCode(200);
        assertThat(alerts("rule=" + rule + "&assignee=handler")).hasSize(2);
        as("analyst").get("/api/alerts?state=nonsense").then().statusCode(400);
        as("analyst").get("/api/alerts/not-an-id").then().statusCode(404);
    }
}
