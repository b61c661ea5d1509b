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
}
