package io.vigil.detect.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;
import io.vigil.testing.TestStack;
import io.vigil.testing.Tokens;

/**
 * A detection engineer writes a rule in the browser: the server's check answers while typing, the
 * backtest shows its progress, count, histogram and samples, and the saved rule can be switched off.
 */
@QuarkusTest
class RulesBrowserTest extends BrowserTest {

    @Test
    void anEngineerWritesChecksBacktestsSavesAndDisablesARule() {
        String eventName = "DeleteTrail" + UUID.randomUUID().toString().substring(0, 6);
        storeEvents(eventName);
        String id = UUID.randomUUID().toString();

        try (BrowserContext context = browser.context(1440, 1000)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "engineer");
            page.getByLabel("Main").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Rules").setExact(true)).click();
            page.waitForURL("**/rules");
            PlaywrightAssertions.assertThat(page.getByTestId("packs")).isVisible();
            page.getByText("New rule").click();
            page.waitForURL("**/rules/new");

            // the editor is CodeMirror: the server's refusal is marked on its line
            var editor = page.locator(".cm-content");
            PlaywrightAssertions.assertThat(editor).isVisible();
            ConsoleBrowser.screenshot(page, "rule-editor-new.png");
            paste(page, rule(id, eventName).replace("eventName:", "eventName|sortof:"));
            PlaywrightAssertions.assertThat(page.getByTestId("check-error")).containsText("modifier:sortof");
            PlaywrightAssertions.assertThat(page.locator(".cm-lintRange-error")).containsText("eventName|sortof");
            PlaywrightAssertions.assertThat(page.locator(".cm-lint-marker-error")).hasCount(1);
            ConsoleBrowser.screenshot(page, "rule-editor-error.png");

            // completion of Sigma's modifiers after a field's '|'
            editor.press("Control+End");
            page.keyboard().press("Enter");
            page.keyboard().type("eventName|starts");
            PlaywrightAssertions.assertThat(page.locator(".cm-tooltip-autocomplete")).containsText("startswith");
            page.keyboard().press("Escape");
            paste(page, rule(id, eventName));
            PlaywrightAssertions.assertThat(page.locator(".cm-lint-marker-error")).hasCount(0);
            PlaywrightAssertions.assertThat(page.getByTestId("check-ok")).containsText("aws / cloudtrail");
            PlaywrightAssertions.assertThat(page.getByTestId("check-ok").getByText("T1562.008")).isVisible();

            page.getByLabel("Last").selectOption("7d");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Backtest")).click();
            PlaywrightAssertions.assertThat(page.getByTestId("backtest-hits")).hasText("3",
                    new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            PlaywrightAssertions.assertThat(page.locator(".histogram .bar:not(.pending)").first()).isAttached();
            PlaywrightAssertions.assertThat(page.getByTestId("backtest-samples")).containsText(eventName);
            ConsoleBrowser.screenshot(page, "rules-backtest.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility on the editor").isEmpty();

            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Save"))
                    .click();
            page.waitForURL("**/rules/" + id);
            PlaywrightAssertions.assertThat(page.getByTestId("versions")).containsText("imported");

            // a second version, and the two side by side
            paste(page, rule(id, eventName).replace("Trail deleted by a test", "Trail deleted, second version"));
            PlaywrightAssertions.assertThat(page.getByTestId("check-ok")).containsText("second version");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Save as version 2")).click();
            PlaywrightAssertions.assertThat(page.getByTestId("diff-link")).isVisible();
            page.getByTestId("diff-link").click();
            page.waitForURL("**/rules/" + id + "/diff?from=1&to=2");
            PlaywrightAssertions.assertThat(page.getByTestId("diff-summary")).hasText("1 line differs.");
            PlaywrightAssertions.assertThat(page.locator(".diff-change td.old"))
                    .containsText("Trail deleted by a test");
            PlaywrightAssertions.assertThat(page.locator(".diff-change td.new")).containsText("second version");
            ConsoleBrowser.screenshot(page, "rule-diff.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of the diff").isEmpty();
            page.goBack();
            page.waitForURL("**/rules/" + id);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Disable Trail deleted, second version")).click();
            PlaywrightAssertions.assertThat(page.getByTestId("rule-summary")).containsText("disabled");
            ConsoleBrowser.screenshot(page, "rules-saved.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility on the rule page")
                    .isEmpty();
            assertThat(browser.cspViolations(context)).as("Content-Security-Policy violations").isEmpty();
        }
    }

    /** Replaces the editor's text as a paste does (typing would indent each new line as the editor does). */
    private static void paste(Page page, String text) {
        page.locator(".cm-line").first().click();
        page.keyboard().press("Control+A");
        page.evaluate("text => { const data = new DataTransfer(); data.setData('text/plain', text);"
                + " document.querySelector('.rule-editor').shadowRoot.querySelector('.cm-content')"
                + ".dispatchEvent(new ClipboardEvent('paste',"
                + " { clipboardData: data, bubbles: true, cancelable: true })); }", text);
    }

    private static String rule(String id, String eventName) {
        return """
                title: Trail deleted by a test
                id: %s
                status: experimental
                level: high
                tags:
                    - attack.defense-evasion
                    - attack.t1562.008
                logsource:
                    product: aws
                    service: cloudtrail
                detection:
                    selection:
                        eventSource: cloudtrail.amazonaws.com
                        eventName: %s
                    condition: selection
                """.formatted(id, eventName);
    }

    /** Three matching events over the last days and one that does not match. */
    private static void storeEvents(String eventName) {
        String name = "t-rb-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().auth().oauth2(Tokens.of("admin")).contentType("application/json")
                .body(Map.of("name", name, "type", "cloudtrail", "scope", "test", "retentionDays", 7))
                .post("/api/admin/sources").then().statusCode(201).extract().path("token");
        Instant now = Instant.now();
        StringBuilder body = new StringBuilder();
        for (int hours : new int[]{2, 30, 100, 3}) {
            String event = hours == 3 ? "StopLogging" : eventName;
            body.append("{\"eventVersion\":\"1.09\",\"eventTime\":\"").append(now.minus(hours, ChronoUnit.HOURS))
                    .append("\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"").append(event)
                    .append("\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"198.51.100.7\",")
                    .append("\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"eve\"},\"eventID\":\"")
                    .append(UUID.randomUUID()).append("\"}\n");
        }
        given().header("Authorization", "Bearer " + token).body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest/" + name).then().statusCode(200);
        given().baseUri(TestStack.get().openSearch().url()).post("/vigil-events-*/_refresh").then().statusCode(200);
    }
}
