package io.vigil.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/**
 * Every response of the console's port carries the security headers, and no console page breaks its
 * Content-Security-Policy: each page is opened in Chromium as the roles that use it, charts hovered,
 * an event opened, and every violation the browser reports fails the test.
 */
@QuarkusTest
class SecurityHeadersTest extends BrowserTest {

    private static final List<String> PAGES = List.of("", "search", "search/saved", "alerts", "alerts/findings",
            "incidents", "posture", "audit", "admin", "admin/sources", "admin/upload", "admin/dead-letters", "rules",
            "rules/new", "signed-out", "no-such-page");

    @Test
    void pagesApiAndAssetsCarryTheHeaders() {
        List<Response> responses = List.of(given().auth().oauth2(Tokens.of("analyst")).get("/"),
                given().auth().oauth2(Tokens.of("analyst")).get("/api/me"), given().get("/theme-early.js"),
                given().get("/favicon.svg"),
                given().get("/signed-out"), given().redirects().follow(false).get("/search"));
        for (Response response : responses) {
            assertThat(response.statusCode()).isIn(200, 302);
            assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONSOLE_POLICY)
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(response.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
        }
    }

    @Test
    void overTlsHstsIsAdded() {
        var headers = new SecurityHeaders("https://id.example.org:8443/realms/vigil");
        assertThat(headers.headersFor("/", true)).containsEntry("Strict-Transport-Security", SecurityHeaders.HSTS);
        assertThat(headers.headersFor("/", false)).doesNotContainKey("Strict-Transport-Security");
        assertThat(headers.headersFor("/q/swagger-ui/", false).get("Content-Security-Policy"))
                .contains("connect-src 'self' https://id.example.org:8443;");
    }

    @Test
    void swaggerUiOpensForASignedInUserUnderItsOwnPolicy() {
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "analyst");
            page.navigate(console + "q/swagger-ui");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".info .title"))
                    .containsText("Vigil API");
            ConsoleBrowser.screenshot(page, "swagger-ui.png");
            assertThat(browser.cspViolations(context)).as("violations on Swagger UI").isEmpty();
        }
    }

    @Test
    void noPageBreaksTheContentSecurityPolicy() {
        String source = TestSources.create("t-csp-", "json", 30);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            body.append("{\"@timestamp\":\"").append(java.time.Instant.now().minusSeconds(60L * i))
                    .append("\",\"user\":\"u").append(i % 3).append("\",\"note\":\"<img src=x onerror=alert(1)>\"}\n");
        }
        TestSources.ingest(source, body.toString());
        String sourceName = source.split(" ")[0];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> given().auth()
                .oauth2(Tokens.of("analyst")).queryParam("q", "vigil.source:" + sourceName).get("/search").then()
                .extract().asString().contains("<span data-testid=\"total\">20</span>"));
        for (String user : List.of("analyst", "engineer", "admin")) {
            try (BrowserContext context = browser.context(1280, 900)) {
                Page page = ConsoleBrowser.signIn(context, console.toString(), user);
                for (String path : PAGES) {
                    page.navigate(console + path);
                }
                if (!user.equals("admin")) {
                    page.navigate(console + "search?q=" + URLEncoder.encode("vigil.source:" + sourceName,
                            StandardCharsets.UTF_8));
                    page.locator("#histogram canvas").hover();
                    page.locator(".result-row").first().click();
                    page.getByTestId("event-panel").waitFor();
                    page.navigate(console + "search?q=" + URLEncoder.encode(
                            "vigil.source:" + sourceName + " | stats count by user", StandardCharsets.UTF_8));
                    page.locator("#pipe-chart canvas").hover();
                }
                assertThat(browser.cspViolations(context)).as("violations seen by " + user).isEmpty();
            }
        }
    }
}
