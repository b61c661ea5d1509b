package io.vigil.web;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.Tokens;

/** A state-changing page request must come from the console itself. */
@QuarkusTest
class CrossSiteRequestFilterTest {

    @TestHTTPResource("/")
    URL console;

    private io.restassured.specification.RequestSpecification form() {
        return given().auth().oauth2(Tokens.of("admin")).formParam("name", "csrf-" + UUID.randomUUID().toString()
                .substring(0, 6)).formParam("type", "json");
    }

    @Test
    void aPlainCrossSiteFormPostIsRefused() {
        form().post("/admin/sources").then().statusCode(403);
    }

    @Test
    void anHtmxRequestFromAnotherOriginIsRefused() {
        form().header("HX-Request", "true").header("Origin", "https://evil.example").post("/admin/sources").then()
                .statusCode(403);
    }

    @Test
    void anHtmxRequestFromTheConsoleGoesThrough() {
        String origin = console.getProtocol() + "://" + console.getAuthority();
        form().header("HX-Request", "true").header("Origin", origin).post("/admin/sources").then().statusCode(200);
    }
}
