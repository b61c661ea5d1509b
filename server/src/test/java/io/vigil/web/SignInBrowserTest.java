package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;

/**
 * Debian's Chromium signs in through the real Keycloak login page and uses the console. Screenshots
 * land in {@code target/screenshots}.
 */
@QuarkusTest
class SignInBrowserTest extends BrowserTest {

    @Inject
    DataSource dataSource;

    @Test
    void anAnalystSignsInAndSeesTheLayoutWithTheirName() {
        try (BrowserContext context = browser.context(1440, 900)) {
            Page page = signIn(context, "analyst");

            PlaywrightAssertions.assertThat(page.getByTestId("current-user")).containsText("Ada Analyst");
            PlaywrightAssertions.assertThat(page.getByTestId("current-user")).containsText("soc-analyst");
            var nav = page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION,
                    new Page.GetByRoleOptions().setName("Main"));
            assertThat(nav.locator("a").allInnerTexts()).containsExactly("Home", "Search", "Alerts", "Incidents",
                    "Rules");
            assertThat(page.locator("html").getAttribute("data-theme")).isEqualTo("dark");
            page.getByTestId("current-user").click();
            PlaywrightAssertions.assertThat(page.getByTestId("current-permissions")).containsText("events:read");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(ConsoleBrowser.SCREENSHOTS.resolve("user-menu-analyst.png")));
            page.getByTestId("current-user").click();
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(ConsoleBrowser.SCREENSHOTS.resolve("home-analyst.png")));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(knownUser("analyst"))
                    .as("the sign-in is recorded in the user directory").isEqualTo("Ada Analyst"));

            List<Rule> serious = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations()
                    .stream().filter(rule -> List.of("serious", "critical").contains(rule.getImpact())).toList();
            assertThat(serious).extracting(Rule::getId).isEmpty();
        }
    }

    @Test
    void aManagerIsShownAClearPageWhereTheyMayNotGo() {
        try (BrowserContext context = browser.context(1280, 800)) {
            Page page = signIn(context, "manager");
            var nav = page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION,
                    new Page.GetByRoleOptions().setName("Main"));
            assertThat(nav.locator("a").allInnerTexts()).containsExactly("Home", "Alerts", "Incidents", "Posture");

            var response = page.navigate(console + "search");
            assertThat(response.status()).isEqualTo(403);
            PlaywrightAssertions.assertThat(page.locator("main")).containsText("Not allowed");
            PlaywrightAssertions.assertThat(page.getByTestId("current-user")).containsText("Mia Manager");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(ConsoleBrowser.SCREENSHOTS.resolve("forbidden-manager.png")));
        }
    }

    @Test
    void theLayoutFitsAWideMonitorAndANarrowWindow() {
        try (BrowserContext context = browser.context(1920, 1080)) {
            Page page = signIn(context, "admin");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(ConsoleBrowser.SCREENSHOTS.resolve("home-admin-wide.png")));
            page.setViewportSize(800, 900);
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("horizontal scrolling at 800 px").isEqualTo(false);
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(ConsoleBrowser.SCREENSHOTS.resolve("home-admin-narrow.png")));
        }
    }

    @Test
    void signingOutEndsTheSession() {
        try (BrowserContext context = browser.context(1280, 800)) {
            Page page = signIn(context, "auditor");
            page.getByText("Sign out").click();
            try {
                page.waitForURL("**/signed-out**");
            } catch (com.microsoft.playwright.TimeoutError e) {
                page.screenshot(
                        new Page.ScreenshotOptions().setPath(ConsoleBrowser.SCREENSHOTS.resolve("sign-out-stuck.png")));
                throw new AssertionError("sign-out ended at " + page.url(), e);
            }
            PlaywrightAssertions.assertThat(page.locator("main")).containsText("You are signed out");

            page.navigate(console.toString());
            PlaywrightAssertions.assertThat(page.locator("#username")).isVisible();
        }
    }

    /** The display name the user directory holds for a username, or null. */
    private String knownUser(String username) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select display_name from vigil_user where username = ?")) {
            statement.setString(1, username);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private Page signIn(BrowserContext context, String user) {
        return ConsoleBrowser.signIn(context, console.toString(), user);
    }
}
