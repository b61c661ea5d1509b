package io.vigil.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.devstack.KeycloakService;

/** Real access tokens from the test stack's Keycloak, one per demo user (password grant). */
public final class Tokens {

    /** Keycloak issues 5-minute tokens; a test run can last longer than that. */
    private static final Duration REUSE = Duration.ofMinutes(3);

    private record Issued(String token, Instant at) {
    }

    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A fresh-enough token for a demo user: the password is {@code <user>-demo}. */
    public static String of(String username) {
        return CACHE
                .compute(username, (user, issued) -> issued != null && issued.at().plus(REUSE).isAfter(Instant.now())
                        ? issued
                        : new Issued(
                                request(KeycloakService.CLIENT_ID, KeycloakService.CLIENT_SECRET, user, user + "-demo"),
                                Instant.now()))
                .token();
    }

    public static String request(String clientId, String secret, String username, String password) {
        return given().baseUri(TestStack.get().keycloak().issuer())
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
