package io.vigil.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Sources made for one test through the admin API, and events sent to them through the HTTP intake,
 * as a client would. A source is written {@code "name token"}: what a test needs to send to it.
 */
public final class TestSources {

    private TestSources() {
    }

    /** A new source named {@code prefix} + a random part; returns "name token". */
    public static String create(String prefix, String type, int retentionDays) {
        return create(prefix, type, retentionDays, true);
    }

    /** As {@link #create(String, String, int)}, with detection on or off for the source's events. */
    public static String create(String prefix, String type, int retentionDays, boolean detection) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        String token = given().auth().oauth2(Tokens.of("admin")).contentType("application/json")
                .body(Map.of("name", name, "type", type, "scope", "test", "retentionDays", retentionDays,
                        "detection", detection))
                .post("/api/admin/sources").then().statusCode(201).extract().path("token");
        return name + " " + token;
    }

    /** Sends the body to the source with its token; the intake must take it (200). */
    public static void ingest(String source, String body) {
        String[] parts = source.split(" ");
        given().header("Authorization", "Bearer " + parts[1]).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest/" + parts[0]).then().statusCode(200);
    }
}
