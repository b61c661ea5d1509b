package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;

/**
 * Each role's Home shows what that user should look at first, with no link that ends on a 403: analysts
 * and handlers the newest high findings and their saved searches, managers the posture figures, admins
 * source activity and the dependencies, engineers the rules. Screenshots at 1440 and 1920 wide; axe-core
 * and the Content-Security-Policy find nothing.
 */
@QuarkusTest
class HomeBrowserTest extends BrowserTest {

    /** The panels each demo user's Home has (by heading), and those it must not have. */
    private static final Map<String, List<List<String>>> PANELS = Map.of(
            "analyst", List.of(List.of("Newest high and critical findings", "Saved searches"), List.of("Posture",
                    "Sources")),
            "handler", List.of(List.of("Newest high and critical findings", "Saved searches"), List.of("Posture")),
            "manager", List.of(List.of("Posture"), List.of("Saved searches", "Sources")),
            "admin", List.of(List.of("Sources", "Dependencies", "Posture"), List.of("Saved searches")),
            "engineer", List.of(List.of("Rules", "Newest high and critical findings"), List.of("Posture")));

    @Test
    void everyRoleLandsOnWhatItShouldLookAtFirst() {
        for (var entry : PANELS.entrySet()) {
            String user = entry.getKey();
            for (int width : new int[]{1440, 1920}) {
                try (BrowserContext context = browser.context(width, width == 1440 ? 900 : 1080)) {
                    Page page = ConsoleBrowser.signIn(context, console.toString(), user);
                    for (String heading : entry.getValue().get(0)) {
                        PlaywrightAssertions.assertThat(page.locator(".home-panel h2").getByText(heading,
                                new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))).isVisible();
                    }
                    for (String heading : entry.getValue().get(1)) {
                        PlaywrightAssertions.assertThat(page.locator(".home-panel h2").getByText(heading,
                                new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))).hasCount(0);
                    }
                    // every panel has loaded (none still says Loading… or Counting…)
                    PlaywrightAssertions.assertThat(page.locator(".home-panel").getByText("Loading…")).hasCount(0);
                    PlaywrightAssertions.assertThat(page.locator(".home-panel").getByText("Counting…")).hasCount(0);
                    if (user.equals("manager")) {
                        PlaywrightAssertions.assertThat(page.getByTestId("posture-figures")).isVisible();
                        assertThat(page.locator("a[href^='/search']").count()).as("no events links for a manager")
                                .isZero();
                    }
                    if (user.equals("admin")) {
                        PlaywrightAssertions.assertThat(page.getByTestId("dependencies")).isVisible();
                    }
                    ConsoleBrowser.screenshot(page, "home-" + user + "-" + width + ".png");
                    assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).as("accessibility of " + user
                            + "'s Home").isEmpty();
                    assertThat(browser.cspViolations(context)).as("CSP on " + user + "'s Home").isEmpty();
                }
            }
        }
    }
}
