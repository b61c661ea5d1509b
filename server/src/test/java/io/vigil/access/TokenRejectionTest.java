package io.vigil.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.devstack.KeycloakService;
import io.vigil.testing.TestStack;
import io.vigil.testing.Tokens;

/** Missing, forged, tampered and expired tokens: 401, with the real Keycloak's keys in play. */
@QuarkusTest
class TokenRejectionTest {

    @Test
    void noTokenIsUnauthorizedOnTheApiNotRedirected() {
        given().redirects().follow(false).get("/api/me").then().statusCode(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() throws GeneralSecurityException {
        String[] parts = Tokens.of("analyst").split("\\.");
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.generateKeyPair().getPrivate());
        signer.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signer.sign());

        given().auth().oauth2(forged).get("/api/me").then().statusCode(401);
    }

    @Test
    void aTokenWithAnEditedPayloadIsUnauthorized() {
        String[] parts = Tokens.of("auditor").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"auditor\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        given().auth().oauth2(tampered).get("/admin").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        String token = ShortLivedClient.token("analyst", "analyst-demo");
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().auth().oauth2(token).get("/api/me").then().statusCode(401));
    }

    /**
     * A client whose access tokens live 5 seconds, made through Keycloak's admin API for this test
     * only: the product realm keeps normal lifetimes.
     */
    static final class ShortLivedClient {

        static final String CLIENT_ID = "vigil-test-short-lived";
        static final String SECRET = "short-lived-secret";

        static synchronized String token(String username, String password) {
            String issuer = TestStack.get().keycloak().issuer();
            String admin = given().baseUri(TestStack.get().keycloak().url())
                    .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                    .formParam("username", KeycloakService.ADMIN_USER)
                    .formParam("password", KeycloakService.ADMIN_PASSWORD)
                    .post("/realms/master/protocol/openid-connect/token").then().statusCode(200)
                    .extract().path("access_token");
            String clients = TestStack.get().keycloak().url() + "/admin/realms/" + KeycloakService.REALM + "/clients";
            List<?> existing = given().auth().oauth2(admin).queryParam("clientId", CLIENT_ID).get(clients).then()
                    .statusCode(200).extract().as(List.class);
            if (existing.isEmpty()) {
                var client = Map.of("clientId", CLIENT_ID, "secret", SECRET, "publicClient", false,
                        "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                        "attributes", Map.of("access.token.lifespan", "5"),
                        "protocolMappers", List.of(Map.of("name", "vigil-audience", "protocol", "openid-connect",
                                "protocolMapper", "oidc-audience-mapper", "config",
                                Map.of("included.client.audience", KeycloakService.CLIENT_ID,
                                        "access.token.claim", "true"))));
                given().auth().oauth2(admin).contentType("application/json").body(client).post(clients).then()
                        .statusCode(201);
            }
            assertThat(issuer).endsWith("/" + KeycloakService.REALM);
            return Tokens.request(CLIENT_ID, SECRET, username, password);
        }
    }
}
