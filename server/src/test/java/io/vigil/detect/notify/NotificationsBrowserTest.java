package io.vigil.detect.notify;

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
import io.vigil.testing.WebhookReceiver;

/**
 * An admin adds a webhook channel in Chromium, sends a test message to a receiver that is broken and
 * reads why it failed, sees the channel failing once an alert's delivery is given up, changes the
 * channel without seeing its secret, and finds the page accessible.
 */
@QuarkusTest
class NotificationsBrowserTest extends BrowserTest {

    @Test
    void anAdminAddsAChannelTestsItAndChangesItWithoutSeeingTheSecret() throws Exception {
        String name = "Ops hook " + UUID.randomUUID().toString().substring(0, 6);
        String secret = "token-" + UUID.randomUUID();
        String pack = "t-notify-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = "notify-" + UUID.randomUUID();
        TestRules.callBy("PutBucketPolicy", agent, "Bucket policy changed", "high", "attack.t1530", pack);
        try (var receiver = new WebhookReceiver(); BrowserContext context = browser.context(1440, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "admin");
            page.navigate(console + "admin");
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Notification channels")).click();
            PlaywrightAssertions.assertThat(page.locator("h2").first()).hasText("Notification channels");

            page.getByLabel("Name").fill(name);
            page.getByLabel("Kind").selectOption("webhook");
            page.getByLabel("Webhook URL").fill(receiver.url("/fail/" + secret));
            page.getByLabel("Lowest level").selectOption("high");
            page.getByLabel("Packs").fill(pack);
            // the page loads again (HX-Redirect): act once it has, not as soon as the row shows
            page.waitForNavigation(() -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Create channel")).click());
            var row = page.locator("tr[data-channel='" + name + "']");
            PlaywrightAssertions.assertThat(row).containsText("high and above");
            assertThat(page.content()).doesNotContain(secret);

            // a press on a button in a row must not reflow the row under the pointer (the click would be lost)
            page.navigate(console + "admin/notifications");
            row.getByText("Send test").click();
            PlaywrightAssertions.assertThat(page.getByTestId("channel-problems")).containsText("HTTP 500 from");
            // a real alert of the pack: its delivery fails three times (%test) and the channel shows it
            TestSources.ingest(TestSources.create("t-notify-", "cloudtrail", 30), "{\"eventVersion\":\"1.09\","
                    + "\"eventTime\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"eventSource\":"
                    + "\"s3.amazonaws.com\",\"eventName\":\"PutBucketPolicy\",\"awsRegion\":\"eu-west-1\","
                    + "\"sourceIPAddress\":\"198.51.100.90\",\"userAgent\":\"" + agent + "\",\"userIdentity\":"
                    + "{\"type\":\"IAMUser\",\"userName\":\"mallory\"},\"eventID\":\"" + UUID.randomUUID()
                    + "\",\"recipientAccountId\":\"111122223333\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies("/fail/" + secret).size() >= 4);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                page.reload();
                PlaywrightAssertions.assertThat(page.getByTestId("failed-deliveries")).containsText("Bucket policy");
            });
            PlaywrightAssertions.assertThat(row).containsText("failing");
            PlaywrightAssertions.assertThat(row).containsText("receiver broken");
            ConsoleBrowser.screenshot(page, "notifications-1440.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of the page").isEmpty();

            row.getByText("Edit").click();
            PlaywrightAssertions.assertThat(page.getByLabel("Webhook URL"))
                    .hasAttribute("placeholder", "set: leave empty to keep it");
            PlaywrightAssertions.assertThat(page.getByLabel("Webhook URL")).hasValue("");
            page.getByLabel("Messages a minute").fill("3");
            page.waitForNavigation(() -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Save changes")).click());
            PlaywrightAssertions.assertThat(page.locator("tr[data-channel='" + name + "'] td").nth(5)).hasText("3");

            // the secret stayed: a test through the API still reaches the same URL
            List<Map<String, Object>> channels = given().auth().oauth2(Tokens.of("admin"))
                    .get("/api/notifications/channels").then().extract().jsonPath().getList("$");
            Object id = channels.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow()
                    .get("id");
            given().auth().oauth2(Tokens.of("admin")).post("/api/notifications/channels/" + id + "/test").then()
                    .statusCode(502);
            assertThat(receiver.bodies("/fail/" + secret)).hasSize(5);
        }
    }
}
