package io.vigil.detect;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;
import io.vigil.testing.TestRules;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/**
 * An analyst reads the findings list in Chromium: a rule's matches on one user and address are one row of
 * events; the list at SOC density (25 rows and more on a 900 px screen, one line each); columns sorted and
 * resized, remembered for the user on the server; the keyboard through the rows; a finding's flyout over
 * the list, which keeps its width.
 */
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
                .get("/alerts/findings?rule=" + ruleId).asString()
                .contains("<span data-testid=\"findings-total\">2</span>"));

        try (BrowserContext context = browser.context(1440, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "analyst");
            page.navigate(console + "alerts/findings?rule=" + ruleId);
            var rows = page.getByTestId("findings").locator("tbody tr");
            PlaywrightAssertions.assertThat(rows).hasCount(2);
            PlaywrightAssertions.assertThat(page.getByTestId("findings")).containsText("T1136.003");
            ConsoleBrowser.screenshot(page, "findings.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of the findings list")
                    .isEmpty();

            rows.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("203.0.113.8")).click();
            PlaywrightAssertions.assertThat(page.getByTestId("finding-facts")).containsText("2");
            page.getByTestId("finding-search").click();
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

    private static String seedForty() {
        String agent = "dense-" + UUID.randomUUID();
        String ruleId = TestRules.createUserBy(agent, "Users created by a dense client", "high", "t-dense");
        String source = TestSources.create("t-fdense-", "cloudtrail", 30);
        Instant now = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            batch.append("{\"eventVersion\":\"1.09\",\"eventTime\":\"").append(now.minusSeconds(i))
                    .append("\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",")
                    .append("\"sourceIPAddress\":\"203.0.113.").append(100 + i).append("\",\"userAgent\":\"")
                    .append(agent).append("\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"user-")
                    .append(String.format("%02d", i)).append("-with-a-rather-long-name-that-does-not-fit\"},")
                    .append("\"eventID\":\"").append(UUID.randomUUID()).append("\"}\n");
        }
        TestSources.ingest(source, batch.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> io.restassured.RestAssured.given().auth()
                .oauth2(Tokens.of("analyst")).get("/alerts/findings?rule=" + ruleId).then().extract().asString()
                .contains("<span data-testid=\"findings-total\">40</span>"));
        return ruleId;
    }

    @Test
    void anAnalystWorksTheFindingsList() {
        String ruleId = seedForty();
        try (BrowserContext context = browser.context(1440, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "analyst");
            page.navigate(console + "alerts/findings?rule=" + ruleId);
            Locator rows = page.getByTestId("finding-row");
            PlaywrightAssertions.assertThat(rows).hasCount(40);
            assertThat(page.locator("[data-testid=finding-row][tabindex='0']").count()).as("one row in the tab order")
                    .isEqualTo(1);

            // density: one line per row, at least 25 rows in view of a 900 px screen
            page.locator(".findings-list .grid-scroll").scrollIntoViewIfNeeded();
            page.evaluate("() => document.querySelector('.findings-list .grid-scroll').scrollIntoView()");
            Number visible = (Number) page.evaluate("() => [...document.querySelectorAll('[data-testid=finding-row]')]"
                    + ".filter(r => { const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; })"
                    + ".length");
            assertThat(visible.intValue()).as("rows in view at 1440×900").isGreaterThanOrEqualTo(25);
            Number height = (Number) page.evaluate("() => document.querySelector('[data-testid=finding-row]')"
                    + ".getBoundingClientRect().height");
            assertThat(height.doubleValue()).as("a one-line row").isLessThan(30);
            String whoWhere = rows.first().locator("td").nth(5).locator(".cell").evaluate(
                    "c => getComputedStyle(c).textOverflow + ' ' + (c.scrollWidth > c.clientWidth)").toString();
            assertThat(whoWhere).as("a long value ends in an ellipsis, not a second line").isEqualTo("ellipsis true");
            ConsoleBrowser.screenshot(page, "findings-1440.png");

            // sorting by who / where, ascending then descending
            Locator whoHeader = page.locator("[data-testid=findings] th[data-col=group] .sort-button");
            whoHeader.click();
            PlaywrightAssertions.assertThat(page.locator("[data-testid=findings] th[data-col=group]"))
                    .hasAttribute("aria-sort", "ascending");
            PlaywrightAssertions.assertThat(rows.first().locator("td").nth(5)).containsText("user-00");
            whoHeader.click();
            PlaywrightAssertions.assertThat(rows.first().locator("td").nth(5)).containsText("user-39");

            // resizing the rule column; both choices come back on the next visit, from the server
            Locator handle = page.locator("[data-testid=findings] th[data-col=rule] .col-resizer");
            var box = handle.boundingBox();
            double before = page.locator("[data-testid=findings] th[data-col=rule]").boundingBox().width;
            page.mouse().move(box.x + 2, box.y + box.height / 2);
            page.mouse().down();
            page.mouse().move(box.x + 122, box.y + box.height / 2, new com.microsoft.playwright.Mouse.MoveOptions()
                    .setSteps(5));
            page.mouse().up();
            page.waitForTimeout(800); // the choice is written 400 ms after the last change
            page.navigate(console + "alerts/findings?rule=" + ruleId);
            PlaywrightAssertions.assertThat(page.locator("[data-testid=findings] th[data-col=group]"))
                    .hasAttribute("aria-sort", "descending");
            PlaywrightAssertions.assertThat(rows.first().locator("td").nth(5)).containsText("user-39");
            assertThat(page.locator("[data-testid=findings] th[data-col=rule]").boundingBox().width)
                    .isGreaterThan(before + 100);

            // the keyboard: arrows move, Enter opens the flyout, which leaves the list its width, Esc closes
            double tableWidth = page.getByTestId("findings").boundingBox().width;
            rows.first().focus();
            page.keyboard().press("ArrowDown");
            PlaywrightAssertions.assertThat(rows.nth(1)).isFocused();
            page.keyboard().press("Enter");
            PlaywrightAssertions.assertThat(page.getByTestId("finding-panel")).isVisible();
            PlaywrightAssertions.assertThat(page.getByTestId("finding-facts"))
                    .containsText("Users created by a dense client");
            PlaywrightAssertions.assertThat(page.getByTestId("finding-panel"))
                    .containsText("T1136.003 Create Account: Cloud Account");
            assertThat(page.getByTestId("findings").boundingBox().width).isEqualTo(tableWidth);
            page.keyboard().press("ArrowDown");
            PlaywrightAssertions.assertThat(page.getByTestId("finding-facts")).containsText("user-37");
            ConsoleBrowser.screenshot(page, "findings-flyout-1440.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).isEmpty();
            page.keyboard().press("Escape");
            PlaywrightAssertions.assertThat(page.getByTestId("finding-panel")).isHidden();
            PlaywrightAssertions.assertThat(rows.nth(2)).isFocused();
            assertThat(browser.cspViolations(context)).isEmpty();
        }
        // the choices are the user's, not the browser's: another context sees them too
        try (BrowserContext context = browser.context(1920, 1080)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "analyst");
            page.navigate(console + "alerts/findings?rule=" + ruleId);
            PlaywrightAssertions.assertThat(page.locator("[data-testid=findings] th[data-col=group]"))
                    .hasAttribute("aria-sort", "descending");
            ConsoleBrowser.screenshot(page, "findings-1920.png");

            // a column the server sorts sorts across pages, and is remembered too
            page.locator("[data-testid=findings] th[data-col=events] .sort-button").click();
            page.waitForURL("**sort=events**");
            PlaywrightAssertions.assertThat(page.locator("[data-testid=findings] th[data-col=events]"))
                    .hasAttribute("aria-sort", "descending");
            page.navigate(console + "alerts/findings?rule=" + ruleId);
            PlaywrightAssertions.assertThat(page.getByText("most events first")).isVisible();
            List<String> problems = ConsoleBrowser.seriousAccessibilityProblems(page);
            assertThat(problems).isEmpty();
        }
    }
}
