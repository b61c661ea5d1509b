package io.vigil.detect;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.access.VigilUser;
import io.vigil.search.FindingSearchService;
import io.vigil.testing.TestRules;
import io.vigil.testing.TestSources;
import io.vigil.testing.TestStack;
import io.vigil.testing.Tokens;

/** Rules run on events as they are ingested; every match is stored in a finding with the events. */
@QuarkusTest
class DetectionAtIngestTest {

    @Inject
    FindingSearchService findingSearch;

    /** SigmaHQ's "AWS CloudTrail Important Change" rule, shipped in the built-in CloudTrail pack. */
    private static final String STOP_LOGGING_RULE = "4db60cc0-36fb-42b7-9b58-a5b53019fb74";

    private static String source(String type) {
        return TestSources.create("t-det-", type, 7);
    }

    /** The name of a source made by {@link #source}. */
    private static String name(String source) {
        return source.split(" ")[0];
    }

    private static void ingest(String source, String body) {
        TestSources.ingest(source, body);
    }

    private static String record(String eventName, String eventSource, String eventId, String agent) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-11-21T09:00:00Z\",\"eventSource\":\"" + eventSource
                + "\",\"eventName\":\"" + eventName
                + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.66\","
                + "\"userAgent\":\"" + agent + "\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"mallory\"},"
                + "\"eventID\":\"" + eventId + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    private static JsonPath findings(String query) {
        String base = TestStack.get().openSearch().url();
        given().baseUri(base).post("/vigil-findings-*/_refresh?ignore_unavailable=true&allow_no_indices=true");
        var response = given().baseUri(base).contentType("application/json").body("{\"query\":" + query + "}")
                .post("/vigil-findings-*/_search?ignore_unavailable=true&allow_no_indices=true");
        return response.statusCode() == 200 ? response.jsonPath() : new JsonPath("{\"hits\":{\"hits\":[]}}");
    }

    @Test
    void anImportedRuleFindsItsEventWhenTheEventArrives() {
        String ruleId = UUID.randomUUID().toString();
        String agent = "agent-" + UUID.randomUUID();
        String rule = """
                title: IAM user created by an unusual client
                id: %s
                level: high
                tags: [attack.persistence, attack.t1136.003]
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection:
                    eventSource: iam.amazonaws.com
                    eventName: CreateUser
                    userAgent|contains: '%s'
                  condition: selection
                """.formatted(ruleId, agent.substring(6));
        given().auth().oauth2(Tokens.of("engineer")).body(rule.getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/import?pack=t-detect").then().statusCode(200).body("stored", is(1));

        String source = source("cloudtrail");
        String hit = UUID.randomUUID().toString();
        ingest(source, record("CreateUser", "iam.amazonaws.com", hit, agent) + "\n"
                + record("ListUsers", "iam.amazonaws.com", UUID.randomUUID().toString(), agent));

        await().atMost(Duration.ofSeconds(20)).until(() -> findings("{\"term\":{\"rule.id\":\"" + ruleId + "\"}}")
                .getList("hits.hits").size() == 1);
        JsonPath found = findings("{\"term\":{\"rule.id\":\"" + ruleId + "\"}}");
        assertThat(found.getList("hits.hits[0]._source.event.id")).containsExactly(hit);
        assertThat(found.getList("hits.hits[0]._source.event.time")).containsExactly("2026-11-21T09:00:00Z");
        assertThat(found.getInt("hits.hits[0]._source.finding.count")).isEqualTo(1);
        assertThat(found.getString("hits.hits[0]._source.rule.level")).isEqualTo("high");
        assertThat(found.getList("hits.hits[0]._source.rule.tags")).contains("attack.t1136.003");
        assertThat(found.getString("hits.hits[0]._source.group['source.ip']")).isEqualTo("203.0.113.66");
        assertThat(found.getString("hits.hits[0]._source.@timestamp")).isEqualTo("2026-11-21T09:00:00Z");
        // in the index of the day it was found, not of the event's day (ADR 0011)
        String created = found.getString("hits.hits[0]._source.finding.created");
        assertThat(found.getString("hits.hits[0]._index")).isEqualTo("vigil-findings-"
                + created.substring(0, 10).replace('-', '.'));

        // and the console lists it
        given().auth().oauth2(Tokens.of("analyst")).get("/alerts/findings?rule=" + ruleId).then().statusCode(200)
                .body(containsString("IAM user created by an unusual client"))
                .body(containsString("T1136.003"));

        // the same event again: still one finding
        ingest(source, record("CreateUser", "iam.amazonaws.com", hit, agent));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(
                () -> findings("{\"term\":{\"rule.id\":\"" + ruleId + "\"}}").getList("hits.hits").size() == 1);
    }

    @Test
    void aRulesMatchesInOneBatchFromTheSameWhoAndWhereAreOneFindingListingEachEvent() {
        String agent = "grouped-" + UUID.randomUUID();
        String ruleId = TestRules.createUserBy(agent, "Users created by a grouped client", "low", "t-group");
        String source = source("cloudtrail");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        ingest(source, record("CreateUser", "iam.amazonaws.com", first, agent) + "\n"
                + record("CreateUser", "iam.amazonaws.com", second, agent).replace("09:00:00Z", "09:00:05Z") + "\n"
                + record("CreateUser", "iam.amazonaws.com", elsewhere, agent).replace("203.0.113.66",
                        "198.51.100.7"));

        String byRule = "{\"term\":{\"rule.id\":\"" + ruleId + "\"}}";
        await().atMost(Duration.ofSeconds(20)).until(() -> findings(byRule).getList("hits.hits").size() == 2);
        JsonPath found = findings("{\"bool\":{\"filter\":[" + byRule + ",{\"term\":{\"group.source.ip\":"
                + "\"203.0.113.66\"}}]}}");
        assertThat(found.getList("hits.hits._source.event.id")).containsExactly(List.of(first, second));
        assertThat(found.getInt("hits.hits[0]._source.finding.count")).isEqualTo(2);
        assertThat(found.getString("hits.hits[0]._source.finding.first")).isEqualTo("2026-11-21T09:00:00Z");
        assertThat(found.getString("hits.hits[0]._source.@timestamp")).isEqualTo("2026-11-21T09:00:05Z");
        // each event is found by its id, the way its page asks
        assertThat(findings("{\"bool\":{\"filter\":[" + byRule + ",{\"term\":{\"event.id\":\"" + second
                + "\"}}]}}").getList("hits.hits._source.finding.count")).containsExactly(2);
        given().auth().oauth2(Tokens.of("analyst")).get("/alerts/findings?rule=" + ruleId).then().statusCode(200)
                .body(containsString("<td class=\"num\">2</td>"));
    }

    @Test
    void theFindingsListShowsOnlyFindingsOfTheSourcesInTheUsersScope() {
        String agent = "scoped-" + UUID.randomUUID();
        String ruleId = TestRules.createUserBy(agent, "Users created by a scoped client", "low", "t-scope");
        String mine = source("cloudtrail");
        String theirs = source("cloudtrail");
        ingest(mine, record("CreateUser", "iam.amazonaws.com", UUID.randomUUID().toString(), agent));
        ingest(theirs, record("CreateUser", "iam.amazonaws.com", UUID.randomUUID().toString(), agent));
        await().atMost(Duration.ofSeconds(20)).until(() -> findings("{\"term\":{\"rule.id\":\"" + ruleId + "\"}}")
                .getList("hits.hits").size() == 2);

        var scoped = new VigilUser("s-1", "scoped", "Scoped analyst", List.of(),
                Set.of(), Optional.of(Set.of("test")), Optional.of(Set.of(name(mine))));
        assertThat(findingSearch.latest(scoped, ruleId, null, 200)).extracting(f -> f.source())
                .containsExactly(name(mine));
        var nowhere = new VigilUser("s-2", "nowhere", "No sources", List.of(),
                Set.of(), Optional.of(Set.of()), Optional.of(Set.of()));
        assertThat(findingSearch.latest(nowhere, ruleId, null, 200)).isEmpty();
    }

    @Test
    void theSameRecordInTwoSourcesKeepsAFindingInEach() {
        String agent = "replayed-" + UUID.randomUUID();
        String ruleId = TestRules.createUserBy(agent, "Users created by a replayed client", "low", "t-replay");
        String trail = source("cloudtrail");
        String replay = source("cloudtrail");
        String record = record("CreateUser", "iam.amazonaws.com", UUID.randomUUID().toString(), agent);
        ingest(trail, record);
        ingest(replay, record);

        String byRule = "{\"term\":{\"rule.id\":\"" + ruleId + "\"}}";
        await().atMost(Duration.ofSeconds(20)).until(() -> findings(byRule).getList("hits.hits").size() == 2);
        assertThat(findings(byRule).getList("hits.hits._source.vigil.source", String.class))
                .containsExactlyInAnyOrder(name(trail), name(replay));
    }

    @Test
    void aSourceWithDetectionOffGetsNoFindingsWhileOtherSourcesKeepTheirs() {
        String agent = "quiet-" + UUID.randomUUID();
        String ruleId = TestRules.createUserBy(agent, "Users created by a quiet client", "low", "t-quiet");
        String quiet = TestSources.create("t-det-", "cloudtrail", 7, false);
        String watched = source("cloudtrail");
        ingest(quiet, record("CreateUser", "iam.amazonaws.com", UUID.randomUUID().toString(), agent));
        ingest(watched, record("CreateUser", "iam.amazonaws.com", UUID.randomUUID().toString(), agent));

        String byRule = "{\"term\":{\"rule.id\":\"" + ruleId + "\"}}";
        await().atMost(Duration.ofSeconds(20)).until(() -> findings(byRule).getList("hits.hits").size() == 1);
        assertThat(findings(byRule).getList("hits.hits._source.vigil.source", String.class))
                .containsExactly(name(watched));
        given().auth().oauth2(Tokens.of("admin")).get("/api/admin/sources/" + name(quiet)).then()
                .body("detection", is(false));

        // switched on, the quiet source's next events are detected; the rule itself never changed
        given().auth().oauth2(Tokens.of("admin")).contentType("application/json").body("{\"enabled\":true}")
                .post("/api/admin/sources/" + name(quiet) + "/detection").then().statusCode(200)
                .body("detection", is(true));
        ingest(quiet, record("CreateUser", "iam.amazonaws.com", UUID.randomUUID().toString(), agent));
        await().atMost(Duration.ofSeconds(20)).until(() -> findings(byRule).getList("hits.hits").size() == 2);
    }

    @Test
    void theBuiltInSigmaHqPackDetectsATrailBeingStopped() {
        await().atMost(Duration.ofSeconds(120)).until(() -> given().auth().oauth2(Tokens.of("analyst"))
                .get("/api/rules/" + STOP_LOGGING_RULE).statusCode() == 200);
        String source = source("cloudtrail");
        String eventId = UUID.randomUUID().toString();
        ingest(source, record("StopLogging", "cloudtrail.amazonaws.com", eventId, "aws-cli/2.15"));
        await().atMost(Duration.ofSeconds(20)).until(() -> findings("{\"bool\":{\"filter\":[{\"term\":{\"rule.id\":\""
                + STOP_LOGGING_RULE + "\"}},{\"term\":{\"event.id\":\"" + eventId + "\"}}]}}").getList("hits.hits")
                .size() == 1);
    }

    /** SigmaHQ's "Whoami.EXE Execution With Output Option": Windows, category process_creation. */
    private static final String WHOAMI_RULE = "c30fb093-1109-4dc8-88a8-b30d11c95a5d";

    @Test
    void aSysmonEventAsWindowsRendersItIsCheckedByTheBuiltInWindowsRulesOfItsCategory() {
        await().atMost(Duration.ofSeconds(180)).until(() -> given().auth().oauth2(Tokens.of("analyst"))
                .get("/api/rules/" + WHOAMI_RULE).statusCode() == 200);
        String source = source("json");
        String recordId = String.valueOf(System.nanoTime());
        // the shape of SigmaHQ's regression data: the event XML rendered as JSON, fields as Windows names them
        ingest(source, """
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 1,
                  "EventRecordID": %s, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "ws-17.corp",
                  "TimeCreated": {"#attributes": {"SystemTime": "2026-11-21T10:15:00.123Z"}}},
                 "EventData": {"Image": "C:\\\\Windows\\\\System32\\\\whoami.exe", "OriginalFileName": "whoami.exe",
                  "CommandLine": "whoami /all /FO CSV", "User": "CORP\\\\eve"}}}
                """.formatted(recordId).replace("\n", " "));
        await().atMost(Duration.ofSeconds(20)).until(() -> findings("{\"term\":{\"rule.id\":\"" + WHOAMI_RULE
                + "\"}}").getList("hits.hits._source.group['host.name']").contains("ws-17.corp"));
        JsonPath found = findings("{\"term\":{\"rule.id\":\"" + WHOAMI_RULE + "\"}}");
        assertThat(found.getList("hits.hits._source.@timestamp")).contains("2026-11-21T10:15:00.123Z");
    }

    @Test
    void aGlobalFilterKeepsTheRuleItNamesFromFiringOnWhatItExcludes() {
        String ruleId = UUID.randomUUID().toString();
        String agent = "filtered-" + UUID.randomUUID();
        String rule = """
                title: Access keys created
                id: %s
                level: medium
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection:
                    eventName: CreateAccessKey
                    userAgent: '%s'
                  condition: selection
                ---
                title: Our automation creates keys
                id: %s
                logsource: {product: aws, service: cloudtrail}
                filter:
                  rules: [%s]
                  selection:
                    userIdentity.userName: deploy-bot
                  condition: not selection
                """.formatted(ruleId, agent, UUID.randomUUID(), ruleId);
        given().auth().oauth2(Tokens.of("engineer")).body(rule.getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/import?pack=t-filter").then().statusCode(200).body("stored", is(2));
        String source = source("cloudtrail");
        String bot = UUID.randomUUID().toString();
        String person = UUID.randomUUID().toString();
        ingest(source, record("CreateAccessKey", "iam.amazonaws.com", bot, agent).replace("mallory", "deploy-bot")
                + "\n" + record("CreateAccessKey", "iam.amazonaws.com", person, agent));
        await().atMost(Duration.ofSeconds(20)).until(() -> findings("{\"term\":{\"rule.id\":\"" + ruleId
                + "\"}}").getList("hits.hits").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> findings(
                "{\"term\":{\"rule.id\":\"" + ruleId + "\"}}").getList("hits.hits._source.event.id")
                .equals(List.of(List.of(person))));
    }

    @Test
    void aRuleThatKeepsTakingTooLongIsDisabledWithItsReasonWhileIngestGoesOn() {
        String yaml = SlowRuleGuardTest.slowRule().replace("00000000-0000-0000-0000-000000005100",
                UUID.randomUUID().toString());
        String ruleId = yaml.lines().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
        given().auth().oauth2(Tokens.of("engineer")).body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/import?pack=t-slow").then().statusCode(200).body("stored", is(1));
        String source = source("json");
        String longLine = SlowRuleGuardTest.slowValue();
        // strikes start again whenever the rule set reloads (the built-in packs load at start): send
        // slow events until the third strike in a row disables the rule
        int[] sent = {0};
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ingest(source, "{\"CommandLine\":\"" + longLine + "\",\"n\":" + sent[0]++ + "}");
            return !given().auth().oauth2(Tokens.of("engineer")).get("/api/rules/" + ruleId).jsonPath()
                    .getBoolean("enabled");
        });
        JsonPath rule = given().auth().oauth2(Tokens.of("engineer")).get("/api/rules/" + ruleId).jsonPath();
        assertThat(rule.getString("disabledReason")).contains("over the 100 ms rule timeout");
        assertThat(given().auth().oauth2(Tokens.of("engineer")).get("/rules/" + ruleId).asString())
                .contains("by Vigil: its check took");
        assertThat(given().auth().oauth2(Tokens.of("engineer")).get("/api/rules/" + ruleId + "/versions").jsonPath()
                .getString("[0].change")).startsWith("disabled: its check took");
        // ingest goes on, now without the rule
        ingest(source, "{\"CommandLine\":\"" + longLine + "\",\"n\":4}");
    }
}
