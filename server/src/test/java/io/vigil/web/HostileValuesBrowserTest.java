package io.vigil.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;
import io.vigil.testing.TestRules;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/**
 * Values from events are hostile: markup in field values, field names, user agents, rule titles,
 * saved-search names and dead letters stays text on every page that shows them. Each payload would
 * create an element with an id starting {@code xss} if it were ever parsed as markup; none may exist,
 * and no dialog may open.
 */
@QuarkusTest
class HostileValuesBrowserTest extends BrowserTest {

    private static String payload(int n) {
        return "<img src=x id=xss" + n + " onerror=alert(" + n + ")>";
    }

    @Test
    void markupFromEventsAndUsersStaysText() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String marker = "Hostile" + id;
        String ruleId = TestRules.onEvent(marker, payload(1) + " " + id, "t-hostile");
        String trail = TestSources.create("t-hostile-ct-", "cloudtrail", 30);
        String json = TestSources.create("t-hostile-js-", "json", 30);
        Instant at = Instant.now().minusSeconds(120);
        TestSources.ingest(trail, "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + at
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"" + marker + "\",\"userAgent\":\""
                + payload(2).replace("\"", "\\\"") + "\",\"sourceIPAddress\":\"192.0.2.8\",\"userIdentity\":{\"type\":"
                + "\"IAMUser\",\"userName\":\"" + payload(3) + "\"},\"eventID\":\"" + UUID.randomUUID() + "\"}\n");
        TestSources.ingest(json, "{\"@timestamp\":\"" + at + "\",\"note\":\"" + payload(4) + " " + marker
                + "\",\"x" + payload(5) + "\":\"" + marker + "\"}\n{\"broken\": \"" + payload(6) + "\n");
        String jsonName = json.split(" ")[0];
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("analyst"))
                .queryParam("q", marker).get("/api/search").then().extract().jsonPath().getLong("total") == 2);

        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.context(1440, 1000)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "engineer");
            page.onDialog(dialog -> {
                problems.add("dialog: " + dialog.message());
                dialog.dismiss();
            });
            String q = URLEncoder.encode(marker, StandardCharsets.UTF_8);
            visit(page, "search?q=" + q, problems);
            page.locator(".result-row").first().click();
            page.getByTestId("event-panel").waitFor();
            check(page, "the event panel", problems);
            visit(page, "search?q=" + URLEncoder.encode(marker + " | stats count() by note, userAgent",
                    StandardCharsets.UTF_8), problems);
            visit(page, "search/values?field=userIdentity.userName&q=" + q, problems);
            visit(page, "search/values?field=note&q=" + q, problems);
            visit(page, "alerts/findings?rule=" + ruleId, problems);
            visit(page, "rules", problems);
            visit(page, "rules/" + ruleId, problems);

            given().auth().oauth2(Tokens.of("engineer")).header("HX-Request", "true")
                    .contentType("application/x-www-form-urlencoded").formParam("name", payload(7) + id)
                    .formParam("shared", "on").formParam("q", marker).post("/search/saved").then().statusCode(200);
            visit(page, "search/saved", problems);
            ConsoleBrowser.screenshot(page, "hostile-saved.png");
        }
        try (BrowserContext context = browser.context(1440, 1000)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "admin");
            await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.of("admin"))
                    .queryParam("source", jsonName).get("/api/admin/dead-letters").asString().contains("xss6"));
            visit(page, "admin/dead-letters?source=" + jsonName, problems);
            ConsoleBrowser.screenshot(page, "hostile-dead-letters.png");
            assertThat(page.content()).contains("xss6");
        }
        assertThat(problems).isEmpty();
    }

    private void visit(Page page, String path, List<String> problems) {
        page.navigate(console + path);
        check(page, path, problems);
    }

    private static void check(Page page, String where, List<String> problems) {
        page.waitForLoadState();
        Object found = page.evaluate("() => [...document.querySelectorAll('[id^=xss]')].map(e => e.outerHTML)");
        if (found instanceof List<?> list && !list.isEmpty()) {
            problems.add(where + ": " + list);
        }
    }
}
