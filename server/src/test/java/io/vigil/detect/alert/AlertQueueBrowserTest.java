package io.vigil.detect.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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

/**
 * An analyst works the alert queue in Chromium: counts per level, an alert opened beside the list, the
 * keyboard acknowledging the current alert, a bulk close with a reason, the alert's own page with its
 * pivots and events in search, a new alert announced without a reload; a manager reads without triage.
 */
@QuarkusTest
class AlertQueueBrowserTest extends BrowserTest {

    private static String record(Instant time, String agent, String ip) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + time.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DeleteFlowLogs\",\"awsRegion\":\"eu-west-1\","
                + "\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"" + agent + "\",\"userIdentity\":{\"type\":"
                + "\"IAMUser\",\"userName\":\"mallory\"},\"eventID\":\"" + UUID.randomUUID()
                + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    private static List<Map<String, Object>> alerts(String rule) {
        return given().auth().oauth2(Tokens.of("analyst")).get("/api/alerts?rule=" + rule).then().extract()
                .jsonPath().getList("$");
    }

    @Test
    void anAnalystTriagesTheQueueWithTheKeyboardAndInBulk() {
        String agent = "queue-" + UUID.randomUUID();
        String rule = TestRules.callBy("DeleteFlowLogs", agent, "Flow logs deleted", "high", "attack.t1562.008",
                "t-queue");
        String source = TestSources.create("t-queue-", "cloudtrail", 30);
        Instant now = Instant.now();
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            batch.append(record(now.minusSeconds(60 - i), agent, "192.0.2." + (10 + i))).append('\n');
        }
        TestSources.ingest(source, batch.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(rule).size() == 3);

        try (BrowserContext context = browser.context(1440, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "analyst");
            page.navigate(console + "alerts?rule=" + rule);
            var rows = page.getByTestId("alerts").locator("tbody tr");
            PlaywrightAssertions.assertThat(rows).hasCount(3);
            PlaywrightAssertions.assertThat(page.getByTestId("count-high")).containsText("3");
            ConsoleBrowser.screenshot(page, "alerts-1440.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of the queue").isEmpty();

            double width = page.getByTestId("alerts").boundingBox().width;
            rows.first().locator("td").nth(2).click();
            PlaywrightAssertions.assertThat(page.getByTestId("alert-facts")).containsText("Flow logs deleted");
            assertThat(page.getByTestId("alerts").boundingBox().width).as("the flyout keeps the table's width")
                    .isEqualTo(width);
            ConsoleBrowser.screenshot(page, "alert-flyout-1440.png");
            page.keyboard().press("Escape");

            // the keyboard: the first row is current; 'a' acknowledges it
            rows.first().focus();
            page.keyboard().press("a");
            // the page reloads itself once the alert is acknowledged: wait for that before going on
            PlaywrightAssertions.assertThat(page.getByTestId("alerts")).containsText("acknowledged");
            await().atMost(Duration.ofSeconds(10)).until(() -> alerts(rule).stream()
                    .filter(a -> a.get("state").equals("acknowledged")).count() == 1);

            // bulk: select every alert, choose a reason, close
            page.navigate(console + "alerts?state=all&rule=" + rule);
            page.locator("thead input[type=checkbox]").check();
            page.getByTestId("close-reason").selectOption("benign");
            page.locator("#bulk-alerts button[value=close]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> alerts(rule).stream()
                    .allMatch(a -> a.get("state").equals("closed") && "benign".equals(a.get("closeReason"))));

            // the alert's own page: pivots and its events in search
            page.navigate(console + "alerts/" + alerts(rule).get(0).get("id"));
            PlaywrightAssertions.assertThat(page.getByTestId("alert-group")).containsText("source.ip");
            ConsoleBrowser.screenshot(page, "alert-page-1440.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of an alert").isEmpty();
            page.getByTestId("alert-search").click();
            page.waitForURL("**/search**");
            PlaywrightAssertions.assertThat(page.getByTestId("total")).hasText("1");

            // a new alert is announced on the open queue without a reload
            page.navigate(console + "alerts?rule=" + rule);
            TestSources.ingest(source, record(Instant.now().minusSeconds(5), agent, "192.0.2.99"));
            PlaywrightAssertions.assertThat(page.getByTestId("alerts-newer")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        }
        try (BrowserContext context = browser.context(1920, 1080)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "manager");
            page.navigate(console + "alerts?state=all&rule=" + rule);
            PlaywrightAssertions.assertThat(page.getByTestId("alerts").locator("tbody tr")).hasCount(4);
            assertThat(page.locator("#bulk-alerts").count()).as("managers read, they do not triage").isZero();
            ConsoleBrowser.screenshot(page, "alerts-manager-1920.png");
        }
    }
}
