package io.vigil.detect;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;
import io.vigil.testing.TestRules;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/** An analyst reads the findings list: a rule's matches on one user and address are one row of events. */
@QuarkusTest
class FindingsBrowserTest extends BrowserTest {

    @Test
    void anAnalystOpensTheEventsOfAFindingFromTheList() {
        String agent = "listed-" + UUID.randomUUID();
        String ruleId = TestRules.createUserBy(agent, "Users created by a listed client", "medium",
                "t-findings-browser");
        String source = TestSources.create("t-fbrowser-", "cloudtrail", 7);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestSources.ingest(source, record(now.minusSeconds(60), agent, "203.0.113.8") + "\n"
                + record(now.minusSeconds(30), agent, "203.0.113.8") + "\n"
                + record(now.minusSeconds(10), agent, "198.51.100.9"));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.of("analyst"))
                .get("/alerts/findings?rule=" + ruleId).asString().contains("2 events"));

        try (BrowserContext context = browser.context(1440, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "analyst");
            page.navigate(console + "alerts/findings?rule=" + ruleId);
            var rows = page.getByTestId("findings").locator("tbody tr");
            PlaywrightAssertions.assertThat(rows).hasCount(2);
            PlaywrightAssertions.assertThat(page.getByTestId("findings")).containsText("attack.t1136.003");
            ConsoleBrowser.screenshot(page, "findings.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of the findings list")
                    .isEmpty();

            page.getByText("2 events").click();
            page.waitForURL("**/search**");
            PlaywrightAssertions.assertThat(page.getByTestId("total")).hasText("2");
        }
    }

    private static String record(Instant time, String agent, String ip) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + time + "\",\"eventSource\":\"iam.amazonaws.com\","
                + "\"eventName\":\"CreateUser\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"" + ip + "\","
                + "\"userAgent\":\"" + agent + "\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"mallory\"},"
                + "\"eventID\":\"" + UUID.randomUUID() + "\",\"recipientAccountId\":\"111122223333\"}";
    }
}
