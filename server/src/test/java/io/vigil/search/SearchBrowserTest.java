package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/**
 * An analyst searches in the browser: completion, the keyboard, the histogram, the event panel with its
 * filter links, a pipe's table, saving the search and a bad query's message.
 */
@QuarkusTest
class SearchBrowserTest extends BrowserTest {

    private static String storeEvents() {
        String agent = "agent-" + UUID.randomUUID();
        String source = TestSources.create("t-sbrowser-", "cloudtrail", 30);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder body = new StringBuilder();
        String[] users = {"alice", "bob", "carol"};
        for (int i = 0; i < 30; i++) {
            body.append("{\"eventVersion\":\"1.09\",\"eventTime\":\"").append(now.minusSeconds(600L * i + 30))
                    .append("\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"")
                    .append(i % 2 == 0 ? "ListUsers" : "GetUser").append("\",\"userAgent\":\"").append(agent)
                    .append("\",\"sourceIPAddress\":\"203.0.113.").append(i % 4 + 1)
                    .append("\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"").append(users[i % 3])
                    .append("\"},\"eventID\":\"").append(UUID.randomUUID()).append("\"}\n");
        }
        TestSources.ingest(source, body.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> io.restassured.RestAssured.given().auth()
                .oauth2(Tokens.of("analyst")).queryParam("q", "userAgent:\"" + agent + "\"").get("/search").then()
                .extract().asString().contains("<span data-testid=\"total\">30</span>"));
        // completion offers names from the mappings, read again every few seconds
        await().atMost(Duration.ofSeconds(30)).until(() -> io.restassured.RestAssured.given().auth()
                .oauth2(Tokens.of("analyst")).accept("application/json").get("/search/fields").then().extract()
                .jsonPath().getList("$").contains("userAgent"));
        return agent;
    }

    @Test
    void anAnalystSearchesDrillsIntoAnEventAndFiltersOnIt() {
        String agent = storeEvents();
        try (BrowserContext context = browser.context(1440, 1000)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "analyst");
            page.navigate(console + "search");
            page.locator("body").press("/");
            PlaywrightAssertions.assertThat(page.locator("#q")).isFocused();

            // field names complete from the mappings
            page.locator("#q").pressSequentially("userAg");
            PlaywrightAssertions.assertThat(page.locator("#q-suggestions li").first()).hasText("userAgent");
            page.locator("#q").press("ArrowDown");
            page.locator("#q").press("Tab");
            PlaywrightAssertions.assertThat(page.locator("#q")).hasValue("userAgent:");
            page.locator("#q").pressSequentially("\"" + agent + "\"");
            page.locator("#q").press("Enter");
            page.waitForURL("**/search?q=*");
            PlaywrightAssertions.assertThat(page.getByTestId("total")).hasText("30");
            PlaywrightAssertions.assertThat(page.locator("#histogram canvas")).isVisible();
            PlaywrightAssertions.assertThat(page.locator(".result-row")).hasCount(30);

            // the keyboard moves through results; Enter opens one, Esc closes it
            page.locator("#q").evaluate("input => input.blur()");
            page.keyboard().press("ArrowDown");
            PlaywrightAssertions.assertThat(page.locator(".result-row").first()).isFocused();
            page.keyboard().press("ArrowDown");
            PlaywrightAssertions.assertThat(page.locator(".result-row").nth(1)).isFocused();
            double tableWidth = page.locator("section.results").boundingBox().width;
            page.keyboard().press("Enter");
            PlaywrightAssertions.assertThat(page.getByTestId("event-panel")).isVisible();
            assertThat(page.locator("section.results").boundingBox().width).as("the flyout keeps the table's width")
                    .isEqualTo(tableWidth);
            PlaywrightAssertions.assertThat(page.getByTestId("event-fields")).containsText("userIdentity.userName");
            ConsoleBrowser.screenshot(page, "search-event.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility with the panel open")
                    .isEmpty();
            page.keyboard().press("Escape");
            PlaywrightAssertions.assertThat(page.getByTestId("event-panel")).isHidden();

            // filter for a value from the panel: the query gains it, and fewer events match
            page.keyboard().press("Enter");
            page.getByLabel("Filter for eventName = GetUser").click();
            page.waitForURL("**GetUser**");
            String q = URLDecoder.decode(page.url().replaceAll(".*[?&]q=([^&]*).*", "$1"), StandardCharsets.UTF_8);
            assertThat(q).isEqualTo("(userAgent:\"" + agent + "\") AND eventName:\"GetUser\"");
            PlaywrightAssertions.assertThat(page.getByTestId("total")).hasText("15");

            // opening a field in the sidebar counts its top values over all results
            page.locator(".field-item[data-field='userIdentity.userName'] summary").click();
            PlaywrightAssertions.assertThat(page.getByTestId("top-values")).containsText("alice");
            ConsoleBrowser.screenshot(page, "search-results.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of the results")
                    .isEmpty();

            // save it, shared
            page.getByText("Save…").click();
            String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            PlaywrightAssertions.assertThat(page.getByTestId("saved-result")).containsText(name);
            assertThat(browser.cspViolations(context)).as("Content-Security-Policy violations").isEmpty();
        }
    }

    @Test
    void timesAreShownInUtcOrTheBrowsersZoneAsTheUserChooses() {
        String agent = storeEvents();
        try (BrowserContext context = browser.context(1440, 900, "Europe/Berlin")) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "analyst");
            page.navigate(console + "search?q=" + java.net.URLEncoder.encode("userAgent:\"" + agent + "\"",
                    StandardCharsets.UTF_8));
            var firstTime = page.locator(".result-row time").first();
            String utc = firstTime.innerText();
            PlaywrightAssertions.assertThat(page.locator("th[data-zone-label]")).hasText("Time (UTC)");

            page.getByTestId("current-user").click();
            page.getByTestId("zone-toggle").click();
            PlaywrightAssertions.assertThat(page.locator("th[data-zone-label]")).hasText("Time (Europe/Berlin)");
            var format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
            String berlin = java.time.LocalDateTime.parse(utc, format).atZone(java.time.ZoneOffset.UTC)
                    .withZoneSameInstant(java.time.ZoneId.of("Europe/Berlin")).format(format);
            PlaywrightAssertions.assertThat(firstTime).hasText(berlin);
            ConsoleBrowser.screenshot(page, "search-local-zone.png");

            page.reload();
            PlaywrightAssertions.assertThat(page.locator(".result-row time").first()).hasText(berlin);
            page.getByTestId("current-user").click();
            page.getByTestId("zone-toggle").click();
            PlaywrightAssertions.assertThat(page.locator(".result-row time").first()).hasText(utc);
        }
    }

    @Test
    void aBadQuerySaysWhereItIsWrong() {
        try (BrowserContext context = browser.context(1280, 800)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "analyst");
            page.navigate(console + "search?q=" + java.net.URLEncoder.encode("eventName:(GetUser OR",
                    StandardCharsets.UTF_8));
            PlaywrightAssertions.assertThat(page.getByTestId("search-problem")).containsText("ends too early");
            PlaywrightAssertions.assertThat(page.locator(".query-problem mark")).isVisible();
            ConsoleBrowser.screenshot(page, "search-problem.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).isEmpty();
            assertThat(browser.cspViolations(context)).as("Content-Security-Policy violations").isEmpty();
        }
    }
}
