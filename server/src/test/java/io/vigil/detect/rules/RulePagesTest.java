package io.vigil.detect.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigil.testing.TestStack;
import io.vigil.testing.Tokens;

/**
 * The rule pages over HTTP as htmx calls them: the live check, saving versions, and a backtest over
 * events stored in the real OpenSearch, polled until done.
 */
@QuarkusTest
class RulePagesTest {

    private static final Pattern JOB = Pattern.compile("/rules/backtests/([0-9a-f-]{36})");

    private static RequestSpecification engineer() {
        return given().auth().oauth2(Tokens.of("engineer")).header("HX-Request", "true");
    }

    private static String rule(String id, String title, String eventName) {
        return """
                title: %s
                id: %s
                level: high
                tags: [attack.persistence, attack.t1136.003]
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection:
                    eventSource: iam.amazonaws.com
                    eventName: %s
                  condition: selection
                """.formatted(title, id, eventName);
    }

    @Test
    void theCheckNamesWhereAndWhyARuleIsRefusedAndShowsTheAttackTagsOfAGoodOne() {
        String refused = engineer().formParam("yaml", """
                title: Broken
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection:
                    eventName|sortof: CreateUser
                  condition: selection
                """).post("/rules/check").then().statusCode(200).extract().asString();
        assertThat(refused).contains("Refused", "detection.selection", "modifier:sortof");

        String missing = engineer().formParam("yaml", """
                title: Missing selection
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection:
                    eventName: CreateUser
                  condition: selection and other
                """).post("/rules/check").then().statusCode(200).extract().asString();
        assertThat(missing).contains("Refused", "other");

        String good = engineer().formParam("yaml", rule(UUID.randomUUID().toString(), "Good", "CreateUser"))
                .post("/rules/check").then().statusCode(200).extract().asString();
        assertThat(good).contains("Compiles", "aws / cloudtrail", "https://attack.mitre.org/techniques/T1136/003/",
                "https://attack.mitre.org/tactics/TA0003/", "eventName");
    }

    @Test
    void savingKeepsEveryVersionAndARefusedSaveChangesNothing() {
        String id = UUID.randomUUID().toString();
        var first = engineer().formParam("yaml", rule(id, "Saved in the editor", "CreateUser"))
                .formParam("pack", "t-editor").post("/rules/save").then().statusCode(200).extract();
        assertThat(first.header("HX-Redirect")).isEqualTo("/rules/" + id);
        engineer().formParam("yaml", rule(id, "Saved in the editor, again", "CreateAccessKey"))
                .post("/rules/save").then().statusCode(200);
        String refused = engineer().formParam("yaml", rule(id, "Broken", "x").replace("condition: selection",
                "condition: nothing")).post("/rules/save").then().statusCode(422).extract().asString();
        assertThat(refused).contains("Not saved", "nothing");

        String page = engineer().get("/rules/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("Saved in the editor, again", "CreateAccessKey", "Save as version 3", "t-editor");
        var versions = given().auth().oauth2(Tokens.of("engineer")).get("/api/rules/" + id + "/versions").then()
                .statusCode(200).extract().jsonPath();
        assertThat(versions.getList("version", Integer.class)).containsExactly(2, 1);
        assertThat(given().auth().oauth2(Tokens.of("engineer")).get("/rules?q=saved in the editor").then()
                .statusCode(200).extract().asString()).contains("/rules/" + id);

        // the two versions side by side: the changed lines marked, the rest the same
        assertThat(page).contains("/rules/" + id + "/diff?from=1&amp;to=2");
        String diff = engineer().get("/rules/" + id + "/diff").then().statusCode(200).extract().asString();
        assertThat(diff).contains("version 1 → 2", "2 lines differ", "<tr class=\"diff-change\">")
                .contains("Saved in the editor, again", "CreateAccessKey");
        assertThat(engineer().get("/rules/" + id + "/diff?from=1&to=1").then().statusCode(200).extract().asString())
                .contains("The two versions have the same YAML.");
        engineer().get("/rules/" + id + "/diff?from=7&to=1").then().statusCode(404);
    }

    @Test
    void aBacktestCountsTheStoredMatchesOfTheRangeWithAHistogramAndSamples() {
        String name = "t-bt-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().auth().oauth2(Tokens.of("admin")).contentType("application/json")
                .body(Map.of("name", name, "type", "cloudtrail", "scope", "test", "retentionDays", 7))
                .post("/api/admin/sources").then().statusCode(201).extract().path("token");
        String eventName = "CreateUser" + UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder body = new StringBuilder();
        // 5 matches within the last day, 1 three days ago (outside 24h, inside 7d), 3 other events
        int[] hoursAgo = {1, 2, 2, 5, 20, 72};
        for (int h : hoursAgo) {
            body.append(record(now.minus(h, ChronoUnit.HOURS), eventName)).append('\n');
        }
        for (int i = 0; i < 3; i++) {
            body.append(record(now.minus(1, ChronoUnit.HOURS), "ListUsers")).append('\n');
        }
        given().header("Authorization", "Bearer " + token).body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest/" + name).then().statusCode(200);
        String base = TestStack.get().openSearch().url();
        given().baseUri(base).post("/vigil-events-*/_refresh").then().statusCode(200);

        String yaml = rule(UUID.randomUUID().toString(), "Backtested", eventName);
        String day = finished(engineer().formParam("yaml", yaml).formParam("range", "24h").post("/rules/backtests")
                .then().statusCode(200).extract().asString());
        assertThat(day).contains("data-testid=\"backtest-hits\">5<", "Newest matching events", eventName,
                "class=\"bar\"");
        String week = finished(engineer().formParam("yaml", yaml).formParam("range", "7d").post("/rules/backtests")
                .then().statusCode(200).extract().asString());
        assertThat(week).contains("data-testid=\"backtest-hits\">6<");
    }

    @Test
    void aBacktestSaysWhyItCannotRun() {
        String notOne = engineer().formParam("yaml", "title: x").formParam("range", "24h").post("/rules/backtests")
                .then().statusCode(422).extract().asString();
        assertThat(notOne).contains("one rule that compiles");
        String badRange = engineer().formParam("yaml", rule(UUID.randomUUID().toString(), "r", "X"))
                .formParam("range", "forever").post("/rules/backtests").then().statusCode(422).extract().asString();
        assertThat(badRange).contains("24h or 7d");
        // a regular expression OpenSearch cannot run exactly is refused by name, not run approximately
        String refused = finished(engineer().formParam("yaml", """
                title: Word boundary
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection:
                    eventName|re: '\\bCreateUser'
                  condition: selection
                """).formParam("range", "24h").post("/rules/backtests").then().statusCode(200).extract().asString());
        assertThat(refused).contains("no exact OpenSearch query");
    }

    @Test
    void theRulesListPagesThroughEveryRuleWithTheTotal() {
        await().atMost(Duration.ofMinutes(3)).until(() -> given().auth().oauth2(Tokens.of("analyst"))
                .get("/rules?pack=sigmahq-windows").asString().contains("data-testid=\"rules-next\""));
        String first = given().auth().oauth2(Tokens.of("analyst")).get("/rules?pack=sigmahq-windows").then()
                .statusCode(200).extract().asString();
        Matcher shown = Pattern.compile("1–100 of (\\d+) rules").matcher(first);
        assertThat(shown.find()).as("the first page counts every rule of the pack").isTrue();
        int total = Integer.parseInt(shown.group(1));
        assertThat(total).isGreaterThan(200);
        assertThat(first).contains("href=\"/rules?pack=sigmahq-windows&amp;page=1\"");

        int last = (total - 1) / 100;
        String end = given().auth().oauth2(Tokens.of("analyst")).queryParam("pack", "sigmahq-windows")
                .queryParam("page", last).get("/rules").then().statusCode(200).extract().asString();
        assertThat(end).contains((last * 100 + 1) + "–" + total + " of " + total + " rules")
                .doesNotContain("data-testid=\"rules-next\"").contains("rel=\"prev\"");
    }

    @Test
    void anAnalystReadsRulesButCannotChangeOrBacktestThem() {
        var analyst = given().auth().oauth2(Tokens.of("analyst")).header("HX-Request", "true");
        assertThat(analyst.get("/rules").then().statusCode(200).extract().asString()).contains("Packs")
                .doesNotContain("New rule");
        given().auth().oauth2(Tokens.of("analyst")).header("HX-Request", "true").formParam("yaml", "x")
                .formParam("range", "24h").post("/rules/backtests").then().statusCode(403);
        given().auth().oauth2(Tokens.of("analyst")).header("HX-Request", "true").formParam("yaml", "x")
                .post("/rules/save").then().statusCode(403);
    }

    /** Polls the backtest fragment as the page does until it stops asking to be polled. */
    private static String finished(String fragment) {
        Matcher job = JOB.matcher(fragment);
        if (!job.find()) {
            return fragment;
        }
        String id = job.group(1);
        String[] last = {fragment};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = engineer().get("/rules/backtests/" + id).then().statusCode(200).extract().asString();
            return !last[0].contains("hx-trigger=\"every 1s\"");
        });
        return last[0];
    }

    private static String record(Instant time, String eventName) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + time + "\",\"eventSource\":\"iam.amazonaws.com\","
                + "\"eventName\":\"" + eventName + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.9\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"mallory\"},\"eventID\":\"" + UUID.randomUUID()
                + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    @Test
    void theListFiltersByLogsourceTagStateAndDataAndSwitchesRulesInBulk() {
        String first = io.vigil.testing.TestRules.createUserBy("bulk-" + UUID.randomUUID(), "Bulk one", "low",
                "t-bulk");
        String second = io.vigil.testing.TestRules.createUserBy("bulk-" + UUID.randomUUID(), "Bulk two", "low",
                "t-bulk");
        // an event of aws/cloudtrail: CloudTrail rules have data, Windows rules none
        String source = io.vigil.testing.TestSources.create("t-rdata-", "cloudtrail", 7);
        io.vigil.testing.TestSources.ingest(source, "{\"eventVersion\":\"1.09\",\"eventTime\":\""
                + java.time.Instant.now() + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"GetUser\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"x\"},\"eventID\":\"" + UUID.randomUUID()
                + "\"}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> engineer()
                .get("/rules?pack=t-bulk&data=yes").then().extract().asString().contains("Bulk one"));
        String noData = engineer().get("/rules?logsource=windows&state=enabled&data=no").then().statusCode(200)
                .extract().asString();
        assertThat(noData).contains("data-testid=\"no-data\"").doesNotContain("Bulk one");
        assertThat(engineer().get("/rules?logsource=aws/cloudtrail&data=no&pack=t-bulk").then().extract().asString())
                .contains("No rule matches.");
        assertThat(engineer().get("/rules?tag=attack.t1136.003&pack=t-bulk").then().extract().asString())
                .contains("Bulk one", "Bulk two");
        assertThat(engineer().get("/rules?tag=attack.t1059&pack=t-bulk").then().extract().asString())
                .contains("No rule matches.");

        var switched = engineer().formParam("ids", first).formParam("ids", second).formParam("enabled", "false")
                .post("/rules/bulk-enabled").then().statusCode(200).extract();
        assertThat(switched.asString()).isEqualTo("2 rules disabled");
        assertThat(switched.header("HX-Refresh")).isEqualTo("true");
        assertThat(engineer().get("/rules?pack=t-bulk&state=disabled").then().extract().asString())
                .contains("Bulk one", "Bulk two");
        assertThat(engineer().get("/rules?pack=t-bulk&state=enabled").then().extract().asString())
                .contains("No rule matches.");
        engineer().contentType("application/x-www-form-urlencoded").post("/rules/bulk-enabled").then().statusCode(422);
    }
}
