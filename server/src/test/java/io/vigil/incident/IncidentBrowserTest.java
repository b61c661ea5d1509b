package io.vigil.incident;

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
import io.restassured.path.json.JsonPath;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;
import io.vigil.testing.TestRules;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/**
 * An incident from end to end in Chromium: an analyst escalates two alerts from the queue into a new incident,
 * pins an event from search (its observables come with it) and comments; a handler assigns it, works a
 * playbook task, resolves it and reopens it. Pages are screenshotted and checked with axe-core.
 */
@QuarkusTest
class IncidentBrowserTest extends BrowserTest {

    private static String record(Instant time, String agent, String user, String ip) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + time.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"AuthorizeSecurityGroupIngress\","
                + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"" + agent
                + "\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"" + user + "\",\"accessKeyId\":"
                + "\"AKIAIOSFODNN7BROWSER\"},\"eventID\":\"" + UUID.randomUUID()
                + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    private static JsonPath incident(long id) {
        return given().auth().oauth2(Tokens.of("handler")).get("/api/incidents/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void anAnalystEscalatesAndAHandlerWorksTheIncidentToResolvedAndReopensIt() {
        String agent = "incident-ui-" + UUID.randomUUID();
        String rule = TestRules.callBy("AuthorizeSecurityGroupIngress", agent, "Security group opened", "high",
                "attack.t1562.007", "t-incident-ui");
        String source = TestSources.create("t-incident-ui-", "cloudtrail", 30);
        Instant now = Instant.now();
        TestSources.ingest(source, record(now.minusSeconds(40), agent, "mallory", "192.0.2.50") + "\n"
                + record(now.minusSeconds(30), agent, "trudy", "192.0.2.51"));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.of("analyst"))
                .get("/api/alerts?rule=" + rule).then().extract().jsonPath().getList("$").size() == 2);

        long id;
        try (BrowserContext context = browser.context(1440, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "analyst");
            page.navigate(console + "alerts?rule=" + rule);
            PlaywrightAssertions.assertThat(page.getByTestId("alerts").locator("tbody tr")).hasCount(2);
            page.locator("thead input[type=checkbox]").check();
            page.locator("#bulk-alerts button[value=escalate]").click();
            page.waitForURL("**/incidents/*");
            id = Long.parseLong(page.url().replaceAll(".*/incidents/(\\d+).*", "$1"));
            PlaywrightAssertions.assertThat(page.getByTestId("incident-alerts").locator("tbody tr")).hasCount(2);
            PlaywrightAssertions.assertThat(page.getByTestId("incident-state")).hasText("new");
            assertThat(page.getByTestId("incident-actions").count()).as("analysts do not work incidents").isZero();

            // an event pinned from search brings its observables
            page.navigate(console + "search?from=now-1h&q=" + "user_agent.original:%22" + agent + "%22");
            PlaywrightAssertions.assertThat(page.locator(".result-row")).hasCount(2);
            page.locator(".result-row").first().click();
            PlaywrightAssertions.assertThat(page.getByTestId("event-panel")).isVisible();
            page.getByTestId("add-to-incident").locator("input[name=incident]").fill("INC-" + id);
            page.getByTestId("add-to-incident").locator("button").click();
            PlaywrightAssertions.assertThat(page.locator("#pin-result")).hasText("Added to INC-" + id + ".");

            page.navigate(console + "incidents/" + id);
            PlaywrightAssertions.assertThat(page.getByTestId("incident-events").locator("tbody tr")).hasCount(1);
            PlaywrightAssertions.assertThat(page.getByTestId("incident-observables")).containsText(
                    "AKIAIOSFODNN7BROWSER");
            page.getByTestId("comment-form").locator("textarea").fill("Both users share **one key**: see `AKIA…`.");
            page.getByTestId("comment-form").locator("button").click();
            PlaywrightAssertions.assertThat(page.getByTestId("comment")).hasCount(1);
            page.waitForLoadState(); // the change reloaded the page: its scripts must run before the next click
            PlaywrightAssertions.assertThat(page.getByTestId("comment").locator("strong")).hasText("one key");
            page.getByTestId("comment-form").locator("textarea").fill("<img src=x onerror=alert(1)>");
            page.getByTestId("comment-form").locator("button").click();
            PlaywrightAssertions.assertThat(page.locator("#comment-result")).containsText("raw HTML is not accepted");
            ConsoleBrowser.screenshot(page, "incident-analyst-1440.png");
        }

        try (BrowserContext context = browser.context(1440, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "handler");
            page.navigate(console + "incidents?view=unassigned");
            PlaywrightAssertions.assertThat(page.getByTestId("incidents")).containsText("INC-" + id);
            ConsoleBrowser.screenshot(page, "incidents-1440.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of the list").isEmpty();

            page.navigate(console + "incidents/" + id);
            page.getByTestId("assign-form").locator("select").selectOption("responder");
            page.getByTestId("assign-form").locator("button").click();
            PlaywrightAssertions.assertThat(page.getByTestId("incident-assignee")).hasText("responder");
            page.waitForLoadState(); // the change reloaded the page: its scripts must run before the next click
            page.getByTestId("move-acknowledged").click();
            PlaywrightAssertions.assertThat(page.getByTestId("incident-state")).hasText("acknowledged");
            page.waitForLoadState(); // the change reloaded the page: its scripts must run before the next click
            var firstTask = page.getByTestId("tasks").locator("li").first();
            firstTask.locator("select[name=state]").selectOption("done");
            firstTask.locator("button").click();
            PlaywrightAssertions.assertThat(page.getByTestId("tasks").locator("li").first()).hasClass("task task-done");
            page.waitForLoadState(); // the change reloaded the page: its scripts must run before the next click
            ConsoleBrowser.screenshot(page, "incident-handler-1440.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of an incident").isEmpty();

            // the board: a button moves the card, and so does dragging it
            page.navigate(console + "incidents/board");
            var card = page.getByTestId("card-" + id);
            PlaywrightAssertions.assertThat(page.getByTestId("column-acknowledged")).containsText("INC-" + id);
            card.locator("form[data-move=investigating] button").click();
            PlaywrightAssertions.assertThat(page.getByTestId("column-investigating")).containsText("INC-" + id);
            page.waitForLoadState(); // the change reloaded the page: its scripts must run before the next drag
            page.getByTestId("card-" + id).dragTo(page.getByTestId("column-contained"));
            PlaywrightAssertions.assertThat(page.getByTestId("column-contained")).containsText("INC-" + id);
            page.waitForLoadState();
            ConsoleBrowser.screenshot(page, "incident-board-1440.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of the board").isEmpty();

            page.navigate(console + "incidents/" + id);
            page.getByTestId("resolve-open").click();
            page.getByTestId("resolve-form").locator("select[name=resolution]").selectOption("true_positive");
            page.getByTestId("resolve-form").locator("textarea").fill("Key deactivated, group closed again.");
            page.getByTestId("resolve-form").locator("button").click();
            PlaywrightAssertions.assertThat(page.getByTestId("incident-state")).hasText("resolved");
            page.waitForLoadState(); // the change reloaded the page: its scripts must run before the next click
            page.getByTestId("move-investigating").click();
            PlaywrightAssertions.assertThat(page.getByTestId("incident-state")).hasText("investigating");
            ConsoleBrowser.screenshot(page, "incident-reopened-1440.png");
        }
        JsonPath done = incident(id);
        assertThat(done.getString("incident.assignee")).isEqualTo("responder");
        assertThat(done.getList("alerts.state")).as("closed with the incident's resolution").containsOnly("closed");
        assertThat(done.getList("timeline.kind")).contains("event", "comment", "assignee", "task", "resolution");
        assertThat(done.getList("timeline.to")).as("moved on the board").contains("investigating", "contained");
        List<Map<String, Object>> timeline = done.getList("timeline");
        assertThat(timeline.getLast()).containsEntry("kind", "state").containsEntry("to", "investigating");
    }
}
