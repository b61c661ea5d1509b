package io.vigil.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

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
 * The incident workflow through the API with real Keycloak tokens: escalation of alerts, the state machine,
 * assignment to Keycloak's handlers, stale versions, evidence and the refusals, per role.
 */
@QuarkusTest
class IncidentsTest {

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    private static String record(String agent, String user, String ip, String key, Instant at) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + at.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateAccessKey\",\"awsRegion\":\"eu-west-1\","
                + "\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"" + agent + "\",\"userIdentity\":{\"type\":"
                + "\"IAMUser\",\"userName\":\"" + user + "\",\"accessKeyId\":\"" + key
                + "\",\"arn\":\"arn:aws:iam::111122223333:user/" + user + "\"},\"eventID\":\"" + UUID.randomUUID()
                + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    /** Two alerts of a high rule (two users from one address); answers their ids and the source. */
    private static List<String> twoAlerts(String agent, String source) {
        String rule = TestRules.callBy("CreateAccessKey", agent, "Access key created", "high", "attack.t1098",
                "t-incidents");
        Instant now = Instant.now();
        TestSources.ingest(source,
                record(agent, "mallory", "198.51.100.7", "AKIAIOSFODNN7EXAMPLE", now.minusSeconds(30))
                        + "\n" + record(agent, "trudy", "198.51.100.7", "AKIAI44QH8DHBEXAMPLE", now.minusSeconds(20)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as("analyst").get("/api/alerts?rule=" + rule).then()
                .extract().jsonPath().getList("$").size() == 2);
        // the events searchable too: escalation reads when the first one reached Vigil
        await().atMost(Duration.ofSeconds(20)).until(() -> as("analyst").get("/api/search?from=now-1h&q="
                + "user_agent.original:\"" + agent + "\"").then().extract().jsonPath().getList("events").size() == 2);
        return as("analyst").get("/api/alerts?rule=" + rule).then().extract().jsonPath().getList("id");
    }

    private static JsonPath escalate(List<String> alerts, String type) {
        return as("analyst").body(Map.of("alerts", alerts, "type", type)).post("/api/incidents/escalate").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void aHandlerWorksAnIncidentEscalatedFromTwoAlertsToClosedAndReopensIt() {
        String source = TestSources.create("t-inc-", "cloudtrail", 30);
        List<String> alerts = twoAlerts("inc-" + UUID.randomUUID(), source);
        JsonPath incident = escalate(alerts, "compromised_access_key");
        long id = incident.getLong("incident.id");
        assertThat(incident.getString("incident.state")).isEqualTo("new");
        assertThat(incident.getString("incident.severity")).as("the alerts' level").isEqualTo("high");
        assertThat(incident.getString("incident.title")).isEqualTo("Access key created and 1 more");
        assertThat(incident.getList("alerts.id")).containsExactlyInAnyOrderElementsOf(alerts);
        assertThat(incident.getList("tasks.title")).as("the playbook's tasks").hasSize(6)
                .contains("Deactivate the key");
        assertThat(incident.getList("observables.kind")).contains("ip");
        assertThat(incident.getList("observables.value")).contains("198.51.100.7");
        assertThat(incident.getList("incident.next")).containsExactly("acknowledged", "investigating", "resolved");
        assertThat(incident.getString("incident.detectedArrival")).as("when the first event reached Vigil").isNotNull();
        assertThat(as("analyst").get("/api/alerts/" + alerts.get(0)).then().extract().jsonPath()
                .getMap("alert")).containsEntry("state", "escalated").containsEntry("incident", (int) id);
        as("analyst").body(Map.of("alerts", alerts.subList(0, 1))).post("/api/incidents/escalate").then()
                .statusCode(409).body("detail", containsString("already in incident INC-" + id));

        int version = incident.getInt("incident.version");
        JsonPath acknowledged = as("handler").body(Map.of("version", version, "to", "acknowledged"))
                .post("/api/incidents/" + id + "/state").then().statusCode(200).extract().jsonPath();
        assertThat(acknowledged.getString("incident.acknowledged")).isNotNull();
        version = acknowledged.getInt("incident.version");
        as("handler").body(Map.of("version", version, "to", "closed")).post("/api/incidents/" + id + "/state").then()
                .statusCode(409).body("detail", containsString("may move to investigating or resolved, not to closed"));
        version = as("handler").body(Map.of("version", version, "assignee", "responder"))
                .post("/api/incidents/" + id + "/assignee").then().statusCode(200).extract().path("incident.version");
        as("handler").body(Map.of("version", version, "assignee", "analyst")).post("/api/incidents/" + id + "/assignee")
                .then().statusCode(400)
                .body("detail", containsString("analyst does not hold the incident-handler role"));
        var task = as("handler").get("/api/incidents/" + id).then().extract().jsonPath().getLong("tasks[1].id");
        as("handler").body(Map.of("version", 1, "state", "done", "owner", "handler"))
                .patch("/api/incidents/" + id + "/tasks/" + task).then().statusCode(200);
        as("responder").body(Map.of("version", 1, "owner", "responder"))
                .patch("/api/incidents/" + id + "/tasks/" + task).then().statusCode(409)
                .body("detail", containsString("changed since you loaded it (by handler"))
                .body("detail", containsString("it is now done, owner handler"));
        as("responder").body(Map.of("state", "skipped")).patch("/api/incidents/" + id + "/tasks/" + task).then()
                .statusCode(400).body("detail", containsString("version"));

        as("handler").body(Map.of("version", version, "to", "resolved", "resolution", "false_positive"))
                .post("/api/incidents/" + id + "/state").then().statusCode(400)
                .body("detail", containsString("summary"));
        JsonPath resolved = as("handler").body(Map.of("version", version, "to", "resolved", "resolution",
                "false_positive", "summary", "A key rotation by the platform team.", "closeAlerts", true))
                .post("/api/incidents/" + id + "/state").then().statusCode(200).extract().jsonPath();
        assertThat(resolved.getList("alerts.state")).containsOnly("closed");
        assertThat(resolved.getList("alerts.closeReason")).containsOnly("false_positive");
        version = resolved.getInt("incident.version");
        version = as("handler").body(Map.of("version", version, "to", "closed")).post("/api/incidents/" + id + "/state")
                .then().statusCode(200).extract().path("incident.version");
        as("analyst").body(Map.of("body", "one more thing")).post("/api/incidents/" + id + "/comments").then()
                .statusCode(409).body("detail", containsString("is closed: reopen it"));
        JsonPath reopened = as("handler").body(Map.of("version", version, "to", "investigating"))
                .post("/api/incidents/" + id + "/state").then().statusCode(200).extract().jsonPath();
        assertThat(reopened.getString("incident.resolution")).isNull();
        assertThat(reopened.getList("timeline.kind")).contains("created", "alert", "observable", "playbook", "state",
                "assignee", "task", "task owner", "resolution", "alerts closed");
        assertThat(reopened.getList("timeline.to")).contains("closed", "investigating", "responder");
    }

    @Test
    void aStaleVersionIsRefusedWithWhatChangedSince() {
        long id = create("Stale check", "medium", "other");
        as("handler").body(Map.of("version", 1, "severity", "critical")).patch("/api/incidents/" + id).then()
                .statusCode(200);
        JsonPath refused = as("responder").body(Map.of("version", 1, "title", "Mine")).patch("/api/incidents/" + id)
                .then().statusCode(409).extract().jsonPath();
        assertThat(refused.getString("detail")).contains("changed since you loaded it", "last by handler",
                "severity → critical");
        assertThat(refused.getList("changes.kind")).containsExactly("severity");
        assertThat(as("handler").get("/api/incidents/" + id).then().extract().jsonPath().getString("incident.title"))
                .as("nothing overwritten").isEqualTo("Stale check");
    }

    @Test
    void rolesGetWhatThePermissionTableGives() {
        long id = create("Roles", "low", "ssh_brute_force");
        as("manager").get("/api/incidents/" + id).then().statusCode(200);
        as("manager").body(Map.of("title", "x", "severity", "low")).post("/api/incidents").then().statusCode(403);
        as("analyst").body(Map.of("version", 1, "to", "acknowledged")).post("/api/incidents/" + id + "/state").then()
                .statusCode(403);
        as("analyst").body(Map.of("version", 1, "assignee", "handler")).post("/api/incidents/" + id + "/assignee")
                .then().statusCode(403);
        as("analyst").body(Map.of("body", "Seen from **10.0.0.9** too")).post("/api/incidents/" + id + "/comments")
                .then().statusCode(200);
        as("auditor").get("/api/incidents/" + id).then().statusCode(403);
        as("engineer").get("/api/incidents").then().statusCode(403);
        assertThat(as("manager").get("/api/incidents/handlers").then().statusCode(200).extract().jsonPath()
                .getList("username")).contains("handler", "responder").doesNotContain("analyst", "manager");
    }

    @Test
    void badInputIsRefusedWithWhatAndWhyAndNothingIsHalfSaved() {
        long id = create("Bad input", "high", "other");
        as("analyst").body(Map.of("body", "look <script>alert(1)</script>")).post("/api/incidents/" + id + "/comments")
                .then().statusCode(400).body("detail", containsString("raw HTML is not accepted (line 1: <script>"));
        as("analyst").body(Map.of("body", "[click](javascript:alert(1)) and `<b>quoted</b>`"))
                .post("/api/incidents/" + id + "/comments").then().statusCode(200);
        String html = as("analyst").get("/api/incidents/" + id).then().extract().jsonPath()
                .getString("comments[0].html");
        assertThat(html).doesNotContain("javascript:").doesNotContain("<b>").contains("&lt;b&gt;quoted");
        as("analyst").body(Map.of("title", "x", "severity", "urgent")).post("/api/incidents").then().statusCode(400)
                .body("detail", containsString("severity: one of critical, high, medium, low"));
        as("analyst").body(Map.of("title", "x", "severity", "low", "type", "nope")).post("/api/incidents").then()
                .statusCode(400).body("detail", containsString("type: no playbook nope"));
        as("analyst").body(Map.of("title", " ", "severity", "low")).post("/api/incidents").then().statusCode(400)
                .body("detail", containsString("title: required"));
        as("analyst").body(Map.of("kind", "ip", "value", "999.1.1.1")).post("/api/incidents/" + id + "/observables")
                .then().statusCode(400).body("detail", containsString("IP must be an IPv4 or IPv6 address"));
        as("handler").body(Map.of("to", "acknowledged")).post("/api/incidents/" + id + "/state").then().statusCode(400)
                .body("detail", containsString("version"));
        as("handler").body(Map.of("version", 1, "to", "paused")).post("/api/incidents/" + id + "/state").then()
                .statusCode(400).body("detail", containsString("to: one of new, acknowledged"));
        as("handler").body(Map.of("version", 1, "to", "resolved", "resolution", "true_positive", "summary", "x"
                .repeat(20_001))).post("/api/incidents/" + id + "/state").then().statusCode(400);
        JsonPath after = as("handler").get("/api/incidents/" + id).then().extract().jsonPath();
        assertThat(after.getString("incident.state")).isEqualTo("new");
        assertThat(after.getString("incident.resolution")).as("nothing half-saved").isNull();
        as("analyst").get("/api/incidents/999999999").then().statusCode(404);
    }

    @Test
    void aPinnedEventBringsItsObservablesAndAScopedReaderSeesThatSomethingIsHidden() {
        String source = TestSources.create("t-inc-pin-", "cloudtrail", 30);
        String agent = "pin-" + UUID.randomUUID();
        TestSources.ingest(source, record(agent, "oscar", "203.0.113.44", "AKIAJ3EXAMPLEKEY1234", Instant.now()));
        JsonPath found = await().atMost(Duration.ofSeconds(20)).until(
                () -> as("analyst").get("/api/search?from=now-1h&q=user_agent.original:\"" + agent + "\"").then()
                        .extract().jsonPath(),
                page -> page.getList("events").size() == 1);
        long id = create("Pinned", "medium", "other");
        JsonPath pinned = as("analyst").body(Map.of("index", found.getString("events[0].index"), "id",
                found.getString("events[0].id"))).post("/api/incidents/" + id + "/events").then().statusCode(200)
                .extract().jsonPath();
        assertThat(pinned.getList("events.id")).containsExactly(found.getString("events[0].id"));
        assertThat(pinned.getList("observables.value")).contains("203.0.113.44", "oscar", "AKIAJ3EXAMPLEKEY1234",
                "arn:aws:iam::111122223333:user/oscar");
        long other = create("Same key elsewhere", "low", "other");
        as("analyst").body(Map.of("kind", "access_key", "value", "AKIAJ3EXAMPLEKEY1234"))
                .post("/api/incidents/" + other + "/observables").then().statusCode(200);
        JsonPath again = as("analyst").get("/api/incidents/" + id).then().extract().jsonPath();
        assertThat(again.getInt("observables.find { it.value == 'AKIAJ3EXAMPLEKEY1234' }.otherIncidents")).isEqualTo(1);

        JsonPath scoped = as("analyst-eu").get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(scoped.getList("events")).as("the source is outside analyst-eu's scopes").isEmpty();
        assertThat(scoped.getInt("hidden.events")).isEqualTo(1);
        assertThat(scoped.getList("observables.value")).doesNotContain("203.0.113.44");
        assertThat(scoped.getList("timeline.to")).contains("(outside your data scope)")
                .noneMatch(to -> String.valueOf(to).contains("203.0.113.44"));
        as("analyst-eu")
                .body(Map.of("index", found.getString("events[0].index"), "id", found.getString("events[0].id")))
                .post("/api/incidents/" + id + "/events").then().statusCode(400)
                .body("detail", containsString("that you can see"));
    }

    @Test
    void attachmentsKeepTheirHashAndRefuseWhatIsTooLargeOrNotWhatItSays() {
        long id = create("Files", "medium", "other");
        byte[] png = new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        JsonPath attached = given().auth().oauth2(Tokens.of("analyst")).multiPart("file", "shot.png", png, "image/png")
                .post("/api/incidents/" + id + "/attachments").then().statusCode(201).extract().jsonPath();
        assertThat(attached.getString("attachments[0].sha256"))
                .isEqualTo(java.util.HexFormat.of().formatHex(sha256(png)));
        long attachment = attached.getLong("attachments[0].id");
        var download = given().auth().oauth2(Tokens.of("manager")).get("/api/incidents/" + id + "/attachments/"
                + attachment).then().statusCode(200).extract();
        assertThat(download.asByteArray()).isEqualTo(png);
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"shot.png\"");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");

        given().auth().oauth2(Tokens.of("analyst")).multiPart("file", "fake.png", "<script>x</script>".getBytes(),
                "image/png").post("/api/incidents/" + id + "/attachments").then().statusCode(415)
                .body("detail", containsString("says image/png but the file does not start as one"));
        given().auth().oauth2(Tokens.of("analyst")).multiPart("file", "page.html", "<b>x</b>".getBytes(), "text/html")
                .post("/api/incidents/" + id + "/attachments").then().statusCode(415)
                .body("detail", containsString("content type text/html is not accepted"));
        given().auth().oauth2(Tokens.of("analyst")).multiPart("file", "big.bin", new byte[10 * 1024 * 1024 + 1],
                "application/octet-stream").post("/api/incidents/" + id + "/attachments").then().statusCode(413);
        assertThat(as("analyst").get("/api/incidents/" + id).then().extract().jsonPath().getList("attachments"))
                .as("only the good file is kept").hasSize(1);
        assertThat(as("analyst").get("/api/incidents/" + id).then().extract().jsonPath().getList("timeline.kind"))
                .contains("attachment");
    }

    @Test
    void managersReadTheKpisAndTheReportShowsTheCase() {
        long id = create("KPIs", "critical", "other");
        as("handler").body(Map.of("version", 1, "to", "acknowledged")).post("/api/incidents/" + id + "/state").then()
                .statusCode(200);
        as("handler").body(Map.of("version", 2, "to", "resolved", "resolution", "benign", "summary", "A test."))
                .post("/api/incidents/" + id + "/state").then().statusCode(200);
        List<Map<String, Object>> rows = as("manager").get("/api/posture/incidents?period=day&from=now-1d").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(rows).anySatisfy(row -> {
            assertThat(row).containsEntry("severity", "critical");
            assertThat(((Number) row.get("acknowledged")).longValue()).isPositive();
            assertThat(((Number) row.get("resolved")).longValue()).isPositive();
            assertThat(row.get("mttrSeconds")).isNotNull();
        });
        as("analyst").get("/api/posture/incidents").then().statusCode(403);
        as("manager").get("/api/posture/incidents?period=year").then().statusCode(400);
        String report = given().auth().oauth2(Tokens.of("manager")).get("/incidents/" + id + "/report").then()
                .statusCode(200).extract().asString();
        assertThat(report).contains("INC-" + id + " · KPIs", "A test.", "resolved");
    }

    @Test
    void adminsEditPlaybooksAndTargetsAndNewIncidentsFollowThem() {
        String type = "t_phishing_" + UUID.randomUUID().toString().substring(0, 8);
        as("admin").body(Map.of("title", "Phishing", "description", "A mail lured someone.", "tasks", List.of(
                Map.of("title", "Pull the mail from every mailbox", "description", ""),
                Map.of("title", "Reset the clicker's password", "description", "and revoke sessions"))))
                .put("/api/incident-settings/playbooks/" + type).then().statusCode(200);
        as("analyst").body(Map.of("title", "x", "tasks", List.of(Map.of("title", "y"))))
                .put("/api/incident-settings/playbooks/" + type).then().statusCode(403);
        as("admin").body(Map.of("title", "x", "tasks", List.of())).put("/api/incident-settings/playbooks/Bad-Type")
                .then().statusCode(400).body("detail", containsString("type: 1 to 40 of a-z"));
        long id = create("Lure", "medium", type);
        assertThat(as("analyst").get("/api/incidents/" + id).then().extract().jsonPath().getList("tasks.title"))
                .containsExactly("Pull the mail from every mailbox", "Reset the clicker's password");

        as("admin").body(Map.of("acknowledgeMinutes", 600, "resolveMinutes", 60))
                .put("/api/incident-settings/sla/low").then().statusCode(400)
                .body("detail", containsString("not more than resolveMinutes"));
        as("admin").body(Map.of("acknowledgeMinutes", 1440, "resolveMinutes", 20160))
                .put("/api/incident-settings/sla/low").then().statusCode(200);
        assertThat(as("manager").get("/api/incident-settings/sla").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.severity == 'low' }.resolveMinutes")).isEqualTo(20160);
        as("admin").body(Map.of("acknowledgeMinutes", 1440, "resolveMinutes", 10080))
                .put("/api/incident-settings/sla/low").then().statusCode(200);
        assertThat(given().auth().oauth2(Tokens.of("admin")).get("/admin/incidents").then().statusCode(200).extract()
                .asString()).contains("Compromised AWS access key", "Phishing");
    }

    @jakarta.inject.Inject
    IncidentNotices notices;

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager db;

    @Test
    void assignmentsEscalationsAndMissedTargetsReachTheChannels() throws Exception {
        try (var receiver = new io.vigil.testing.WebhookReceiver()) {
            String path = "/incidents/" + UUID.randomUUID();
            as("admin").body(Map.of("name", "t-incident-notices-" + path.substring(11, 19), "kind", "webhook", "url",
                    receiver.url(path),
                    "minLevel", "critical")).post("/api/notifications/channels").then().statusCode(201);
            long id = create("Notice me", "critical", "other");
            as("handler").body(Map.of("version", 1, "assignee", "responder")).post("/api/incidents/" + id + "/assignee")
                    .then().statusCode(200);
            long low = create("Too low for the channel", "low", "other");
            as("handler").body(Map.of("version", 1, "assignee", "responder")).post("/api/incidents/" + low
                    + "/assignee").then().statusCode(200);
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> db.createNativeQuery(
                    "update incident set created = now() - interval '5 hours' where id = ?1").setParameter(1, id)
                    .executeUpdate());
            int announced = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(notices::breaches);
            assertThat(announced).isPositive();
            assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(notices::breaches))
                    .as("each miss is announced once").isZero();

            await().atMost(Duration.ofSeconds(30)).until(() -> titles(receiver, path).size() >= 3);
            assertThat(titles(receiver, path)).contains("INC-" + id + " assigned to responder",
                    "INC-" + id + " missed its acknowledge target", "INC-" + id + " missed its resolve target")
                    .noneMatch(t -> t.startsWith("INC-" + low + " "));
        }
    }

    private static List<String> titles(io.vigil.testing.WebhookReceiver receiver, String path) {
        return receiver.bodies(path).stream().flatMap(body -> JsonPath.from(body).<String>getList("notices.title")
                .stream()).toList();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long create(String title, String severity, String type) {
        return as("analyst").body(Map.of("title", title, "severity", severity, "type", type)).post("/api/incidents")
                .then().statusCode(201).extract().jsonPath().getLong("incident.id");
    }
}
