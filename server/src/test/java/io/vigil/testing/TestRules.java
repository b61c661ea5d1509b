package io.vigil.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Rules for tests, imported through the API as a detection engineer would. */
public final class TestRules {

    private TestRules() {
    }

    /**
     * Imports a rule (into {@code pack}) that matches CloudTrail {@code CreateUser} calls made with
     * {@code agent} as user agent; returns its id. A random agent keeps other tests' events out of it.
     */
    public static String createUserBy(String agent, String title, String level, String pack) {
        return callBy("CreateUser", agent, title, level, "attack.persistence, attack.t1136.003", pack);
    }

    /**
     * Imports a rule (into {@code pack}) that matches CloudTrail calls of {@code eventName} made with
     * {@code agent} as user agent, tagged with {@code tags} (a YAML flow list's items); returns its id.
     */
    public static String callBy(String eventName, String agent, String title, String level, String tags,
            String pack) {
        String id = UUID.randomUUID().toString();
        String rule = """
                title: %s
                id: %s
                level: %s
                tags: [%s]
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection:
                    eventName: %s
                    userAgent: '%s'
                  condition: selection
                """.formatted(title, id, level, tags, eventName, agent);
        given().auth().oauth2(Tokens.of("engineer")).body(rule.getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/import?pack=" + pack).then().statusCode(200).body("stored", is(1));
        return id;
    }

    /** Imports a high rule (into {@code pack}) matching CloudTrail calls of {@code eventName}; returns its id. */
    public static String onEvent(String eventName, String title, String pack) {
        String id = UUID.randomUUID().toString();
        String rule = """
                title: '%s'
                id: %s
                level: high
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection: {eventName: %s}
                  condition: selection
                """.formatted(title.replace("'", "''"), id, eventName);
        given().auth().oauth2(Tokens.of("engineer")).body(rule.getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/import?pack=" + pack).then().statusCode(200).body("stored", is(1));
        return id;
    }
}
