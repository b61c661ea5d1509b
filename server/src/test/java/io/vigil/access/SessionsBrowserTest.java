package io.vigil.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.devstack.KeycloakService;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;
import io.vigil.testing.TestStack;
import io.vigil.testing.Tokens;

/**
 * Browser sessions live on the server: a cookie copied before sign-out is dead after it, an idle
 * session ends, Keycloak's back-channel logout ends a session, sign-out takes a POST from the console
 * only, and an ID token opens no API.
 */
@QuarkusTest
class SessionsBrowserTest extends BrowserTest {

    @Inject
    DataSource dataSource;

    @Test
    void aCookieCopiedBeforeSignOutIsDeadAfterIt() {
        try (BrowserContext context = browser.context(1280, 800); BrowserContext thief = browser.context(1280, 800)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "auditor");
            List<Cookie> copied = context.cookies();
            thief.addCookies(copied);
            Page stolen = thief.newPage();
            stolen.navigate(console.toString());
            PlaywrightAssertions.assertThat(stolen.getByTestId("current-user")).containsText("auditor");

            page.getByText("Sign out").click();
            page.waitForURL("**/signed-out**");
            stolen.navigate(console.toString());
            PlaywrightAssertions.assertThat(stolen.locator("#username")).isVisible();
            assertThat(browser.cspViolations(context)).isEmpty();
        }
    }

    @Test
    void anIdleSessionEnds() throws SQLException {
        try (BrowserContext context = browser.context(1280, 800)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "manager");
            PlaywrightAssertions.assertThat(page.getByTestId("current-user")).isVisible();
            // no request of the page may be under way while the session is aged: one that read the session
            // before the update would write its own last use back after it
            page.navigate("about:blank");
            try (var connection = dataSource.getConnection();
                    var statement = connection.prepareStatement(
                            "update console_session set last_used_at = now() - interval '2 hours' where subject = ?")) {
                statement.setString(1, subject("manager"));
                assertThat(statement.executeUpdate()).isPositive();
            }
            page.navigate(console.toString());
            ConsoleBrowser.screenshot(page, "session-idle-ended.png");
            // Keycloak's own session still lasts, yet it asks for the password again
            assertThat(page.url()).as("after an idle end").contains("prompt=login");
            PlaywrightAssertions.assertThat(page.locator("#password")).isVisible();
        }
    }

    @Test
    void keycloaksBackChannelLogoutEndsTheSession() {
        String admin = keycloakAdminToken();
        String realm = TestStack.get().keycloak().url() + "/admin/realms/" + KeycloakService.REALM;
        Map<?, ?> client = given().auth().oauth2(admin).queryParam("clientId", KeycloakService.CLIENT_ID)
                .get(realm + "/clients").then().statusCode(200).extract().jsonPath().getList("$", Map.class).get(0);
        String clientId = (String) client.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new java.util.HashMap<>((Map<String, Object>) client.get("attributes"));
        attributes.put("backchannel.logout.url", console + "back-channel-logout");
        attributes.put("backchannel.logout.session.required", "true");
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("attributes", attributes))
                .put(realm + "/clients/" + clientId).then().statusCode(204);

        try (BrowserContext context = browser.context(1280, 800)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "handler");
            PlaywrightAssertions.assertThat(page.getByTestId("current-user")).isVisible();
            String user = given().auth().oauth2(admin).queryParam("username", "handler").queryParam("exact", true)
                    .get(realm + "/users").then().statusCode(200).extract().path("[0].id");
            given().auth().oauth2(admin).post(realm + "/users/" + user + "/logout").then().statusCode(204);
            await().atMost(Duration.ofSeconds(20)).until(() -> sessionsOf(subject("handler")) == 0);
            page.navigate(console.toString());
            PlaywrightAssertions.assertThat(page.locator("#username")).isVisible();
        }
    }

    @Test
    void signOutIsAPostFromTheConsoleOnly() {
        String token = Tokens.of("analyst");
        given().auth().oauth2(token).post("/sign-out").then().statusCode(403);
        given().auth().oauth2(token).redirects().follow(false).get("/logout").then().statusCode(404);
        given().auth().oauth2(token).redirects().follow(false).get("/sign-out").then().statusCode(405);
    }

    @Test
    void anIdTokenIsNoBearerToken() {
        String idToken = given().baseUri(TestStack.get().keycloak().issuer()).formParam("grant_type", "password")
                .formParam("client_id", KeycloakService.CLIENT_ID)
                .formParam("client_secret", KeycloakService.CLIENT_SECRET).formParam("username", "analyst")
                .formParam("password", "analyst-demo").formParam("scope", "openid")
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("id_token");
        given().auth().oauth2(idToken).get("/api/me").then().statusCode(401);
        given().auth().oauth2(Tokens.of("analyst")).get("/api/me").then().statusCode(200);
    }

    private static String keycloakAdminToken() {
        return given().baseUri(TestStack.get().keycloak().url()).formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", KeycloakService.ADMIN_USER)
                .formParam("password", KeycloakService.ADMIN_PASSWORD)
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
    }

    /** The user's Keycloak subject, from their access token's claims. */
    private static String subject(String username) {
        String payload = Tokens.of(username).split("\\.")[1];
        return io.restassured.path.json.JsonPath.from(new String(java.util.Base64.getUrlDecoder().decode(payload),
                java.nio.charset.StandardCharsets.UTF_8)).getString("sub");
    }

    private long sessionsOf(String subject) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select count(*) from console_session where subject = ?")) {
            statement.setString(1, subject);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
