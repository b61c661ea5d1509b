package io.vigil.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;

/** An administrator creates a source in the browser, sees its token once, and is told what is wrong. */
@QuarkusTest
class SourcePagesBrowserTest extends BrowserTest {

    @Test
    void anAdministratorCreatesASourceAndSeesItsTokenOnce() {
        String name = "web-" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext context = browser.context(1440, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "admin");
            page.navigate(console + "admin");
            // the dependencies' state is on the page, not behind an API link the browser cannot open
            PlaywrightAssertions.assertThat(page.getByTestId("dependencies")).containsText("opensearch");
            ConsoleBrowser.screenshot(page, "admin.png");
            page.getByText("Sources and ingest tokens").click();
            page.waitForURL("**/admin/sources");

            page.getByLabel("Name").fill(name);
            page.getByLabel("Type").selectOption("cloudtrail");
            page.getByLabel("Retention (days)").fill("30");
            page.getByText("Create source").click();

            PlaywrightAssertions.assertThat(page.getByTestId("issued-token")).containsText("vgl_");
            PlaywrightAssertions.assertThat(page.getByTestId("sources")).containsText(name);
            PlaywrightAssertions.assertThat(page.getByTestId("sources")).containsText("30 days");
            String token = page.locator(".token").innerText().trim();
            ConsoleBrowser.screenshot(page, "admin-sources-created.png");

            page.reload();
            PlaywrightAssertions.assertThat(page.getByTestId("sources")).containsText(name);
            assertThat(page.content()).as("the token is shown once only").doesNotContain(token);
        }
    }

    @Test
    void aBadNameIsExplainedInTheForm() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext context = browser.context(1280, 800)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "admin");
            page.navigate(console + "admin/sources");
            page.getByLabel("Name").fill(name);
            page.getByText("Create source").click();
            PlaywrightAssertions.assertThat(page.getByTestId("issued-token")).isVisible();

            page.getByLabel("Name").fill(name);
            page.getByText("Create source").click();
            PlaywrightAssertions.assertThat(page.getByTestId("source-problems")).containsText("exists");
            ConsoleBrowser.screenshot(page, "admin-sources-problem.png");
        }
    }

    @Test
    void theBrowserChecksNamesAndScopesAndASourceMovesToAnotherScope() {
        String name = "mv-" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext context = browser.context(1440, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "admin");
            page.navigate(console + "admin/sources");
            // Chromium compiles pattern attributes with the v flag: an unescaped '-' would switch the check off
            var nameField = page.getByLabel("Name");
            nameField.fill("Bad Name!");
            assertThat(nameField.evaluate("input => input.checkValidity()")).isEqualTo(false);
            nameField.fill(name);
            assertThat(nameField.evaluate("input => input.checkValidity()")).isEqualTo(true);
            var scopeField = page.getByLabel("Data scope", new Page.GetByLabelOptions().setExact(true));
            scopeField.fill("eu west");
            assertThat(scopeField.evaluate("input => input.checkValidity()")).isEqualTo(false);
            scopeField.fill("eu-west.1");
            assertThat(scopeField.evaluate("input => input.checkValidity()")).isEqualTo(true);
            page.getByText("Create source").click();
            PlaywrightAssertions.assertThat(page.getByTestId("scopes")).containsText("eu-west.1");

            page.getByLabel("Data scope of " + name).fill("network-" + name);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Move " + name + " to this scope")).click();
            PlaywrightAssertions.assertThat(page.getByTestId("scopes")).containsText("network-" + name);
            ConsoleBrowser.screenshot(page, "admin-sources-scopes.png");
            assertThat(ConsoleBrowser.seriousAccessibilityProblems(page)).isEmpty();
            assertThat(browser.cspViolations(context)).isEmpty();
        }
    }
}
