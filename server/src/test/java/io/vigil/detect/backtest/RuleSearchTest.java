package io.vigil.detect.backtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.TestRules;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/** A saved rule's matches open in search ({@code vigil.rule:"<id>"}) and count there as its backtest does. */
@QuarkusTest
class RuleSearchTest {

    private static String event(String name, Instant at) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + at + "\",\"eventSource\":\"iam.amazonaws.com\","
                + "\"eventName\":\"" + name + "\",\"sourceIPAddress\":\"198.51.100.3\",\"userIdentity\":{\"type\":"
                + "\"IAMUser\",\"userName\":\"trudy\"},\"eventID\":\"" + UUID.randomUUID() + "\"}";
    }

    @Test
    void aSearchForARuleFindsWhatItsBacktestFinds() {
        String name = "RuleSearch" + UUID.randomUUID().toString().substring(0, 8);
        String ruleId = TestRules.onEvent(name, "Searched rule " + name, "t-rule-search");
        String source = TestSources.create("t-rsearch-", "cloudtrail", 7);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestSources.ingest(source, event(name, now.minusSeconds(60)) + "\n" + event(name, now.minusSeconds(30)) + "\n"
                + event("Other" + name, now.minusSeconds(20)));
        String q = "vigil.rule:\"" + ruleId + "\"";
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.of("analyst"))
                .queryParam("q", q).queryParam("from", "now-1h").get("/api/search").then().extract().jsonPath()
                .getLong("total") == 2);
        // and with more of the query on top
        assertThat(given().auth().oauth2(Tokens.of("analyst")).queryParam("q", q + " AND sourceIPAddress:198.51.100.9")
                .queryParam("from", "now-1h").get("/api/search").then().statusCode(200).extract().jsonPath()
                .getLong("total")).isZero();

        String yaml = given().auth().oauth2(Tokens.of("engineer")).get("/api/rules/" + ruleId).then().extract()
                .path("yaml");
        String backtest = given().auth().oauth2(Tokens.of("engineer")).header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded").formParam("yaml", yaml).formParam("range", "24h")
                .post("/rules/backtests").then().statusCode(200).extract().asString();
        String job = backtest.substring(backtest.indexOf("/rules/backtests/") + "/rules/backtests/".length());
        String poll = "/rules/backtests/" + job.substring(0, job.indexOf('"'));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("engineer")).get(poll)
                .then().extract().asString().contains("data-testid=\"backtest-hits\""));
        String done = given().auth().oauth2(Tokens.of("engineer")).get(poll).then().extract().asString();
        assertThat(done).contains("<strong data-testid=\"backtest-hits\">2</strong>",
                "data-testid=\"backtest-search\"", "q=vigil.rule");

        String unknown = given().auth().oauth2(Tokens.of("analyst")).queryParam("q", "vigil.rule:\"no-such-rule\"")
                .get("/api/search").then().statusCode(400).extract().jsonPath().getString("detail");
        assertThat(unknown).contains("no saved rule has the id \"no-such-rule\"");
    }
}
