package io.vigil.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/** Saved searches (personal, shared, turned into a rule draft) and streamed export, for real. */
@QuarkusTest
class SavedSearchAndExportTest {

    private static String save(String user, String name, String q, boolean shared) {
        var request = given().auth().oauth2(Tokens.of(user)).header("HX-Request", "true").formParam("name", name)
                .formParam("q", q).formParam("from", "now-7d").formParam("to", "now")
                .formParam("cols", "user.name,source.ip");
        if (shared) {
            request.formParam("shared", "on");
        }
        return request.post("/search/saved").then().statusCode(200).extract().asString();
    }

    private static String list(String user) {
        return given().auth().oauth2(Tokens.of(user)).get("/search/saved").then().statusCode(200).extract().asString();
    }

    @Test
    void aSavedSearchIsPersonalUnlessSharedAndOpensAsItWasSaved() {
        String mine = "mine-" + UUID.randomUUID();
        String ours = "ours-" + UUID.randomUUID();
        assertThat(save("analyst", mine, "eventName:ConsoleLogin", false)).contains("Saved as").contains(mine);
        assertThat(save("analyst", ours, "errorCode:AccessDenied", true)).contains("shared");
        String own = list("analyst");
        assertThat(own).contains(mine).contains(ours)
                .contains(
                        "/search?q=eventName%3AConsoleLogin&amp;from=now-7d&amp;to=now&amp;cols=user.name%2Csource.ip");
        String other = list("handler");
        assertThat(other).contains(ours).doesNotContain(mine);
        assertThat(save("analyst", " ", "x", false)).contains("give it a name");
    }

    @Test
    void aSavedSearchBecomesARuleDraftInTheEditor() {
        String name = "draft-" + UUID.randomUUID();
        save("engineer", name, "eventName:StopLogging AND NOT userIdentity.type:Root", false);
        String page = list("engineer");
        int at = page.indexOf(name);
        String id = page.substring(page.lastIndexOf("/search/saved/", page.indexOf("/rule-draft", at)) + 14,
                page.indexOf("/rule-draft", at));
        var draft = given().auth().oauth2(Tokens.of("engineer")).redirects().follow(false)
                .get("/search/saved/" + id + "/rule-draft").then().statusCode(303).extract().header("Location");
        String yaml = URLDecoder.decode(draft.substring(draft.indexOf("yaml=") + 5), StandardCharsets.UTF_8);
        assertThat(yaml).contains("title: '" + name + "'").contains("eventName: 'StopLogging'")
                .contains("condition: selection and not 1 of filter_*");
        String editor = given().auth().oauth2(Tokens.of("engineer")).get(draft.substring(draft.indexOf("/rules")))
                .then().statusCode(200).extract().asString();
        assertThat(editor).contains("StopLogging").contains(name);
        // an analyst may save searches but not write rules
        given().auth().oauth2(Tokens.of("analyst")).redirects().follow(false).get("/search/saved/" + id + "/rule-draft")
                .then().statusCode(403);
    }

    @Test
    void anExportStreamsEveryEventAsCsvOrNdjsonWithItsProgress() {
        String agent = "agent-" + UUID.randomUUID();
        String source = TestSources.create("t-export-", "cloudtrail", 30);
        StringBuilder body = new StringBuilder();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 7_200; i++) {
            body.append("{\"eventVersion\":\"1.09\",\"eventTime\":\"").append(now.minusSeconds(30L + i))
                    .append("\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"userAgent\":\"")
                    .append(agent).append("\",\"sourceIPAddress\":\"198.51.100.").append(i % 250)
                    .append("\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"=cmd|' /C calc'!A0\"},")
                    .append("\"eventID\":\"").append(UUID.randomUUID()).append("\"}\n");
        }
        TestSources.ingest(source, body.toString());
        String q = "userAgent:\"" + agent + "\"";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("analyst"))
                .queryParam("q", q).queryParam("from", "now-24h").get("/search").then().extract().asString()
                .contains("<span data-testid=\"total\">7,200</span>"));

        String id = UUID.randomUUID().toString();
        var csv = given().auth().oauth2(Tokens.of("analyst")).queryParam("q", q).queryParam("from", "now-24h")
                .queryParam("cols", "user.name,source.ip").queryParam("format", "csv").queryParam("id", id)
                .get("/search/export").then().statusCode(200).extract();
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"vigil-events-")
                .endsWith(".csv\"");
        String[] lines = csv.asString().split("\n");
        assertThat(lines).hasSize(7_201);
        assertThat(lines[0]).isEqualTo("@timestamp,user.name,source.ip");
        assertThat(lines[1]).startsWith(now.minusSeconds(30).toString() + ",'=cmd|' /C calc'!A0,198.51.100.0");
        assertThat(given().auth().oauth2(Tokens.of("analyst")).get("/search/export/" + id).then().statusCode(200)
                .extract().asString()).contains("7200 of 7200 events").contains("done");
        given().auth().oauth2(Tokens.of("handler")).get("/search/export/" + id).then().statusCode(404);

        String ndjson = given().auth().oauth2(Tokens.of("analyst")).queryParam("q", q).queryParam("from", "now-24h")
                .queryParam("format", "ndjson").queryParam("id", UUID.randomUUID().toString()).get("/search/export")
                .then().statusCode(200).extract().asString();
        assertThat(ndjson.split("\n")).hasSize(7_200).allMatch(line -> line.startsWith("{") && line.contains(agent));
    }
}
