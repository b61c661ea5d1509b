package io.vigil.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vigil.testing.TestStack;
import io.vigil.testing.Tokens;

/** HTTP intake end to end: real sources in PostgreSQL, real tokens, events in the real OpenSearch. */
@QuarkusTest
class IngestHttpTest {

    record Source(String name, String token) {
    }

    private static Source newSource(String type) {
        String name = "t-" + type + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = given().auth().oauth2(Tokens.of("admin")).contentType("application/json")
                .body(Map.of("name", name, "type", type, "scope", "test", "retentionDays", 7))
                .post("/api/admin/sources").then().statusCode(201).extract().jsonPath();
        return new Source(name, created.getString("token"));
    }

    private static Response send(Source source, byte[] body, String encoding) {
        var request = given().header("Authorization", "Bearer " + source.token()).contentType("application/x-ndjson")
                .body(body);
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return request.post("/api/ingest/" + source.name());
    }

    private static long count(String source, String query) {
        String base = TestStack.get().openSearch().url();
        given().baseUri(base).post("/vigil-events-" + source + "-*/_refresh").then().statusCode(200);
        return given().baseUri(base).contentType("application/json").body(query)
                .post("/vigil-events-" + source + "-*/_count").then().statusCode(200).extract().jsonPath()
                .getLong("count");
    }

    private static long count(String source) {
        return count(source, "{\"query\":{\"match_all\":{}}}");
    }

    @Test
    void creatingASourceShowsItsTokenOnceAndAHintAfterwards() {
        Source source = newSource("json");
        assertThat(source.token()).startsWith("vgl_").hasSizeGreaterThan(40);
        String listed = given().auth().oauth2(Tokens.of("admin")).get("/api/admin/sources").asString();
        assertThat(listed).contains(source.name()).doesNotContain(source.token());
        given().auth().oauth2(Tokens.of("admin")).get("/api/admin/sources/" + source.name()).then().statusCode(200)
                .body("tokenHint", is(source.token().substring(0, 10) + "…"));
    }

    @Test
    void aBadSourceRequestNamesEveryProblem() {
        given().auth().oauth2(Tokens.of("admin")).contentType("application/json")
                .body(Map.of("name", "Bad Name!", "type", "csv", "retentionDays", 0))
                .post("/api/admin/sources").then().statusCode(400)
                .body("problems.size()", is(3));
    }

    @Test
    void ndjsonWithBadLinesKeepsTheGoodOnesAndListsTheBad() {
        Source source = newSource("json");
        String body = """
                {"@timestamp":"2026-11-21T10:00:00Z","user":"dave","action":"login","source":{"ip":"192.0.2.10"}}
                {"@timestamp":"2026-11-21T10:00:01Z","user":"dave",
                {"@timestamp":"2026-11-21T10:00:02Z","user":"erin","action":"logout"}
                """;
        JsonPath result = send(source, body.getBytes(StandardCharsets.UTF_8), null).then().statusCode(200).extract()
                .jsonPath();

        assertThat(result.getInt("accepted")).isEqualTo(2);
        assertThat(result.getInt("rejected")).isEqualTo(1);
        assertThat(result.getInt("rejections[0].line")).isEqualTo(2);
        assertThat(result.getString("rejections[0].reason")).startsWith("malformed JSON");
        assertThat(count(source.name(), "{\"query\":{\"term\":{\"related.user\":\"erin\"}}}")).isEqualTo(1);
        assertThat(count(source.name(), "{\"query\":{\"term\":{\"vigil.source\":\"" + source.name() + "\"}}}"))
                .isEqualTo(2);
        // dead letters become searchable within the index's refresh interval
        JsonPath letters = await().atMost(Duration.ofSeconds(15)).until(() -> given().auth()
                .oauth2(Tokens.of("admin")).queryParam("source", source.name()).get("/api/admin/dead-letters").then()
                .statusCode(200).extract().jsonPath(), found -> found.getList("$").size() == 1);
        assertThat(letters.getString("[0].location")).isEqualTo("http line 2");
        assertThat(letters.getString("[0].reason")).startsWith("malformed JSON");
        assertThat(letters.getString("[0].raw")).contains("\"user\":\"dave\"");
    }

    @Test
    void aCloudTrailFileGzippedIsStoredOncePerRecordEvenWhenSentTwice() throws IOException {
        Source source = newSource("cloudtrail");
        byte[] file = fixture("cloudtrail-file.json");
        byte[] gzip = io.vigil.testing.Gzip.of(file);

        send(source, gzip, "gzip").then().statusCode(200).body("accepted", is(3)).body("rejected", is(0));
        send(source, gzip, null).then().statusCode(200).body("accepted", is(3));

        assertThat(count(source.name())).isEqualTo(3);
        assertThat(count(source.name(), "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"eventName\":\"StopLogging\"}},"
                + "{\"term\":{\"event.outcome\":\"failure\"}},{\"term\":{\"source.ip\":\"203.0.113.7\"}}]}}}"))
                .isEqualTo(1);
        assertThat(count(source.name(), "{\"query\":{\"term\":{\"requestParameters.userName\":\"bob\"}}}"))
                .as("free-form request parameters are searchable").isEqualTo(1);
    }

    @Test
    void aVpcFlowLogFileWithItsHeaderBecomesNetworkEvents() throws IOException {
        Source source = newSource("vpcflow");
        JsonPath result = send(source, io.vigil.testing.Gzip.of(fixture("vpcflow-default.log")), null).then()
                .statusCode(200).extract().jsonPath();

        assertThat(result.getInt("accepted")).isEqualTo(3);
        assertThat(result.getInt("rejections[0].line")).isEqualTo(5);
        assertThat(result.getString("rejections[0].reason")).startsWith("expected 14 space-separated fields");
        assertThat(count(source.name(), "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"event.action\":\"reject\"}},"
                + "{\"term\":{\"destination.port\":22}},{\"term\":{\"network.transport\":\"tcp\"}}]}}}"))
                .isEqualTo(1);
    }

    @Test
    void syslogLinesKeepTheirTimeHostAndProgram() {
        Source source = newSource("syslog");
        String lines = "<38>Nov 20 23:59:59 bastion sshd[4242]: Failed password for root from 192.0.2.77 port 2222 ssh2\n"
                + "<86>1 2026-11-20T10:00:00Z web01 sudo - - - alice : COMMAND=/bin/ls\n";
        send(source, lines.getBytes(StandardCharsets.UTF_8), null).then().statusCode(200).body("accepted", is(2));

        assertThat(count(source.name(), "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"host.name\":\"bastion\"}},"
                + "{\"term\":{\"process.name\":\"sshd\"}},{\"term\":{\"process.pid\":4242}},"
                + "{\"range\":{\"@timestamp\":{\"lte\":\"now\"}}}]}}}")).isEqualTo(1);
        assertThat(
                count(source.name(), "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"log.syslog.format\":\"rfc5424\"}},"
                        + "{\"term\":{\"@timestamp\":\"2026-11-20T10:00:00Z\"}}]}}}"))
                .isEqualTo(1);
    }

    @Test
    void authAndFirewallLinesBecomeUsersAddressesActionsAndOutcomes() {
        Source source = newSource("syslog");
        String lines = """
                <38>Nov 20 23:00:01 bastion sshd[501]: Failed password for invalid user oracle from 203.0.113.9 port 40001 ssh2
                <38>Nov 20 23:00:02 bastion sshd[502]: Accepted publickey for alice from 198.51.100.4 port 40002 ssh2: ED25519 SHA256:x
                <85>Nov 20 23:00:03 bastion sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id
                <4>Nov 20 23:00:04 bastion kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:00 SRC=192.0.2.50 DST=198.51.100.7 LEN=60 TOS=0x00 PREC=0x00 TTL=49 ID=0 DF PROTO=TCP SPT=51234 DPT=22 WINDOW=29200 RES=0x00 SYN URGP=0
                """;
        send(source, lines.getBytes(StandardCharsets.UTF_8), null).then().statusCode(200).body("accepted", is(4));

        assertThat(count(source.name(),
                "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"event.action\":\"failed-password\"}},"
                        + "{\"term\":{\"event.outcome\":\"failure\"}},{\"term\":{\"source.ip\":\"203.0.113.9\"}},"
                        + "{\"term\":{\"source.port\":40001}},{\"term\":{\"user.name\":\"oracle\"}},"
                        + "{\"term\":{\"vigil.auth.failure\":true}},{\"term\":{\"event.category\":\"authentication\"}}]}}}"))
                .isEqualTo(1);
        assertThat(count(source.name(),
                "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"event.action\":\"accepted-publickey\"}},"
                        + "{\"term\":{\"event.outcome\":\"success\"}},{\"term\":{\"related.user\":\"alice\"}}]}}}"))
                .isEqualTo(1);
        assertThat(count(source.name(),
                "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"event.action\":\"sudo-command\"}},"
                        + "{\"term\":{\"user.effective.name\":\"root\"}},{\"term\":{\"process.command_line\":\"/usr/bin/id\"}}]}}}"))
                .isEqualTo(1);
        assertThat(count(source.name(), "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"event.action\":\"reject\"}},"
                + "{\"term\":{\"source.ip\":\"192.0.2.50\"}},{\"term\":{\"destination.ip\":\"198.51.100.7\"}},"
                + "{\"term\":{\"destination.port\":22}},{\"term\":{\"network.transport\":\"tcp\"}},"
                + "{\"term\":{\"rule.name\":\"UFW BLOCK\"}},{\"term\":{\"event.outcome\":\"failure\"}}]}}}"))
                .isEqualTo(1);
    }

    @Test
    void eventsOlderThanTheSourceKeepsThemAreCountedAndTheAnswerSaysWhatHappensToThem() {
        Source source = newSource("json"); // keeps 7 days
        String old = java.time.Instant.now().minus(java.time.Duration.ofDays(30)).toString();
        String recent = java.time.Instant.now().minus(java.time.Duration.ofHours(1)).toString();
        send(source, ("{\"@timestamp\":\"" + old + "\",\"msg\":\"old\"}\n{\"@timestamp\":\"" + recent
                + "\",\"msg\":\"new\"}").getBytes(StandardCharsets.UTF_8), null).then().statusCode(200)
                .body("accepted", is(2)).body("outsideRetention", is(1))
                .body("notice", org.hamcrest.Matchers.containsString("older than source " + source.name()))
                .body("notice", org.hamcrest.Matchers.containsString("deletes them"));
        send(source, ("{\"@timestamp\":\"" + recent + "\",\"msg\":\"again\"}").getBytes(StandardCharsets.UTF_8),
                null).then().statusCode(200).body("outsideRetention", is(0)).body("notice", nullValue());
    }

    @Test
    void syslogLinesWithoutAYearTakeTheYearAndZoneTheSenderNames() {
        Source source = newSource("syslog");
        byte[] archive = "<38>Nov 21 10:00:00 bastion sshd[501]: Failed password for root from 203.0.113.9 port 4 ssh2\n"
                .getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", "Bearer " + source.token()).queryParam("lastDay", "2019-12-31")
                .queryParam("zone", "Europe/Berlin").body(archive).post("/api/ingest/" + source.name()).then()
                .statusCode(200).body("accepted", is(1)).body("outsideRetention", is(1));
        assertThat(count(source.name(), "{\"query\":{\"term\":{\"@timestamp\":\"2019-11-21T09:00:00Z\"}}}"))
                .as("10:00 in Berlin in November is 09:00 UTC, in 2019").isEqualTo(1);

        given().header("Authorization", "Bearer " + source.token()).queryParam("zone", "Mars/Olympus").body(archive)
                .post("/api/ingest/" + source.name()).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.startsWith("zone:"));
    }

    @Test
    void aCloudTrailFileWithoutRecordsIsRejectedWithTheReason() {
        Source source = newSource("cloudtrail");
        send(source, "{\"Logs\":[]}".getBytes(StandardCharsets.UTF_8), null).then().statusCode(200)
                .body("accepted", is(0))
                .body("rejections[0].reason", org.hamcrest.Matchers.startsWith("neither a CloudTrail file"));
    }

    @Test
    void aHundredThousandEmptyRecordsCostAThousandDeadLettersAndOneSummary() {
        Source source = newSource("cloudtrail");
        String body = "{\"Records\":[" + String.join(",", java.util.Collections.nCopies(100_000, "{}")) + "]}";
        JsonPath answer = send(source, body.getBytes(StandardCharsets.UTF_8), null).then().statusCode(200).extract()
                .jsonPath();
        assertThat(answer.getInt("accepted")).isZero();
        assertThat(answer.getInt("rejected")).isEqualTo(100_000);
        assertThat(answer.getBoolean("rejectionsTruncated")).isTrue();
        assertThat(answer.getList("rejections")).hasSize(1000);
        assertThat(answer.getInt("rejections[0].line")).isEqualTo(1);
        assertThat(answer.getString("notice")).contains("the first 1,000 are kept as dead letters");

        String base = TestStack.get().openSearch().url();
        given().baseUri(base).post("/vigil-deadletters-*/_refresh").then().statusCode(200);
        String query = "{\"query\":{\"term\":{\"vigil.source\":\"" + source.name() + "\"}}}";
        assertThat(given().baseUri(base).contentType("application/json").body(query)
                .post("/vigil-deadletters-*/_count").then().statusCode(200).extract().jsonPath().getLong("count"))
                .isEqualTo(1001);
        String summary = "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"vigil.source\":\"" + source.name()
                + "\"}},{\"match_phrase\":{\"reason\":\"99,000 further rejections\"}}]}}}";
        assertThat(given().baseUri(base).contentType("application/json").body(summary)
                .post("/vigil-deadletters-*/_count").then().statusCode(200).extract().jsonPath().getLong("count"))
                .isEqualTo(1);

        // the console pages through every one of them, a hundred at a time
        var older = java.util.regex.Pattern
                .compile("href=\"([^\"]+)\" rel=\"next\" data-testid=\"dead-letters-older\"");
        String url = "/admin/dead-letters?source=" + source.name();
        int pages = 0;
        String html = "";
        while (url != null) {
            html = given().auth().oauth2(Tokens.of("admin")).get(url).then().statusCode(200).extract().asString();
            pages++;
            var next = older.matcher(html);
            url = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        assertThat(pages).isEqualTo(11);
        assertThat(html).contains("1001–1001 of 1001");
    }

    @Test
    void aTenMegabyteEventIsRefusedAloneWith413() {
        Source source = newSource("json");
        String huge = "{\"blob\":\"" + "x".repeat(10 << 20) + "\"}";
        String body = "{\"n\":1}\n" + huge + "\n{\"n\":3}\n";
        send(source, body.getBytes(StandardCharsets.UTF_8), null).then().statusCode(200)
                .body("accepted", is(2)).body("rejections[0].line", is(2)).body("rejections[0].status", is(413));
        assertThat(count(source.name())).isEqualTo(2);
    }

    @Test
    void invalidUtf8AndATruncatedGzipLoseOnlyTheDamagedPart() throws IOException {
        Source source = newSource("json");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            lines.append("{\"n\":").append(i).append(",\"h\":\"").append(Integer.toHexString(i * 7919)).append("\"}\n");
        }
        byte[] gzip = io.vigil.testing.Gzip.of(lines.toString().getBytes(StandardCharsets.UTF_8));
        JsonPath truncated = send(source, Arrays.copyOf(gzip, gzip.length * 2 / 3), "gzip").then().statusCode(200)
                .extract().jsonPath();
        assertThat(truncated.getInt("accepted")).isBetween(100, 2999);
        assertThat(truncated.getString("rejections[-1].reason")).startsWith("gzip input is truncated");

        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}', '\n', '{', '"', 'a', '"', ':', '1', '}'};
        send(source, bad, null).then().statusCode(200).body("accepted", is(1)).body("rejections[0].line", is(1))
                .body("rejections[0].reason", org.hamcrest.Matchers.startsWith("invalid UTF-8"));
    }

    @Test
    void twoThousandDistinctParameterKeysDoNotExplodeTheMapping() {
        Source source = newSource("cloudtrail");
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            params.append(i == 0 ? "" : ",").append("\"key").append(i).append("\":\"v").append(i).append('"');
        }
        String record = "{\"eventName\":\"PutBucketPolicy\",\"eventTime\":\"2026-11-21T10:00:00Z\",\"eventID\":\""
                + UUID.randomUUID() + "\",\"requestParameters\":{" + params + "}}";
        send(source, record.getBytes(StandardCharsets.UTF_8), null).then().statusCode(200).body("accepted", is(1));
        assertThat(count(source.name(), "{\"query\":{\"term\":{\"requestParameters.key2345\":\"v2345\"}}}"))
                .isEqualTo(1);
    }

    @Test
    void tokensOpenOnlyTheirOwnSource() {
        Source mine = newSource("json");
        Source other = newSource("json");
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        given().body(body).post("/api/ingest/" + mine.name()).then().statusCode(401);
        given().header("Authorization", "Bearer vgl_" + "x".repeat(43)).body(body).post("/api/ingest/" + mine.name())
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + mine.token()).body(body).post("/api/ingest/" + other.name())
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + mine.token()).body(body).post("/api/ingest/no-such-source")
                .then().statusCode(404);
        given().header("X-Vigil-Token", mine.token()).body(body).post("/api/ingest/" + mine.name()).then()
                .statusCode(200);
        given().auth().oauth2(Tokens.of("analyst")).body(body).post("/api/ingest/" + mine.name()).then()
                .statusCode(403);
    }

    @Test
    void aRotatedTokenStopsWorkingAtOnce() {
        Source source = newSource("json");
        String fresh = given().auth().oauth2(Tokens.of("admin")).post("/api/admin/sources/" + source.name() + "/token")
                .then().statusCode(200).extract().path("token");
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", "Bearer " + source.token()).body(body).post("/api/ingest/" + source.name())
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + fresh).body(body).post("/api/ingest/" + source.name()).then()
                .statusCode(200);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = IngestHttpTest.class.getResourceAsStream("/fixtures/ingest/" + name)) {
            return in.readAllBytes();
        }
    }

}
