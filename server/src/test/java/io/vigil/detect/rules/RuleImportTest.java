package io.vigil.detect.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.Tokens;

/** Importing Sigma rules over the API into PostgreSQL: an answer per document, versions, enable/disable. */
@QuarkusTest
class RuleImportTest {

    private static String rule(String id, String title, String value) {
        return """
                title: %s
                id: %s
                status: experimental
                level: high
                author: Vigil tests
                tags: [attack.persistence, attack.t1136]
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection:
                    eventSource: iam.amazonaws.com
                    eventName: %s
                  condition: selection
                """.formatted(title, id, value);
    }

    @Test
    void aMultiDocumentImportStoresTheGoodRulesAndNamesWhatIsWrongWithTheOthers() {
        String good = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        String yaml = rule(good, "IAM user created", "CreateUser") + "---\n"
                + rule(bad, "Unknown modifier", "x").replace("eventName:", "eventName|sometimes:");
        given().auth().oauth2(Tokens.of("engineer")).contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/import?pack=team-a").then().statusCode(200).body("stored", is(1))
                .body("refused", is(1)).body("documents.outcome", contains("stored", "refused"))
                .body("documents[1].error", containsString("sometimes"));

        given().auth().oauth2(Tokens.of("analyst")).get("/api/rules/" + good).then().statusCode(200)
                .body("title", is("IAM user created")).body("pack", is("team-a")).body("version", is(1))
                .body("yaml", containsString("CreateUser"));
        given().auth().oauth2(Tokens.of("analyst")).get("/api/rules/" + bad).then().statusCode(404);
    }

    @Test
    void correlationsNamingUnknownRulesOrEachOtherInACycleAreRefused() {
        String base = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        String lost = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String name = "t_failed_" + base.substring(0, 8);
        String yaml = rule(base, "Failed", "ConsoleLogin").replace("logsource:", "name: " + name + "\nlogsource:")
                + "---\n" + correlation(good, "Many failures", name) + "---\n"
                + correlation(lost, "Lost", "no_such_rule_" + base.substring(0, 8)) + "---\n"
                + correlation(a, "A", b) + "---\n" + correlation(b, "B", a);
        given().auth().oauth2(Tokens.of("engineer")).contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/import?pack=t-correlation-refs").then().statusCode(200).body("stored", is(2))
                .body("documents.outcome", contains("stored", "stored", "refused", "refused", "refused"))
                .body("documents[2].error", containsString("[correlation:unknown-rule]"))
                .body("documents[2].error", containsString("correlation.rules[0]"))
                .body("documents[3].error", containsString("correlation:cycle"));
    }

    private static String correlation(String id, String title, String rule) {
        return "title: " + title + "\nid: " + id + "\ncorrelation:\n  type: event_count\n  rules: [" + rule
                + "]\n  group-by: [sourceIPAddress]\n  timespan: 5m\n  condition: {gte: 3}\n";
    }

    @Test
    void everyChangeIsAVersionAndTheSameYamlAgainChangesNothing() {
        String id = UUID.randomUUID().toString();
        String engineer = Tokens.of("engineer");
        given().auth().oauth2(engineer).body(rule(id, "Access key created", "CreateAccessKey"))
                .post("/api/rules/import").then().statusCode(200).body("stored", is(1));
        given().auth().oauth2(engineer).body(rule(id, "Access key created", "CreateAccessKey"))
                .post("/api/rules/import").then().statusCode(200).body("unchanged", is(1));
        given().auth().oauth2(engineer).body(rule(id, "Access key created or updated", "UpdateAccessKey"))
                .post("/api/rules/import").then().statusCode(200).body("updated", is(1));
        given().auth().oauth2(engineer).contentType("application/json").body("{\"enabled\":false}")
                .post("/api/rules/" + id + "/enabled").then().statusCode(200).body("enabled", is(false))
                .body("version", is(3));

        given().auth().oauth2(engineer).get("/api/rules/" + id + "/versions").then().statusCode(200)
                .body("version", contains(3, 2, 1)).body("change", contains("disabled", "updated", "imported"))
                .body("changedBy", hasItems("engineer"));
    }

    @Test
    void aRuleOfADisabledPackIsReportedAsNotRunningWithItsOwnSwitchApart() {
        String id = UUID.randomUUID().toString();
        String pack = "t-off-" + UUID.randomUUID().toString().substring(0, 8);
        String engineer = Tokens.of("engineer");
        given().auth().oauth2(engineer).body(rule(id, "Login profile created", "CreateLoginProfile"))
                .post("/api/rules/import?pack=" + pack).then().statusCode(200).body("stored", is(1));
        given().auth().oauth2(engineer).contentType("application/json").body("{\"enabled\":false}")
                .post("/api/rules/packs/" + pack + "/enabled").then().statusCode(204);

        given().auth().oauth2(engineer).get("/api/rules/" + id).then().statusCode(200).body("enabled", is(false))
                .body("ruleEnabled", is(true)).body("packEnabled", is(false));
        given().auth().oauth2(engineer).get("/api/rules").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.enabled", is(false))
                .body("find { it.id == '" + id + "' }.ruleEnabled", is(true));
        given().auth().oauth2(engineer).get("/rules?pack=" + pack).then().statusCode(200)
                .body(containsString("pack " + pack + " disabled: not running"));

        given().auth().oauth2(engineer).contentType("application/json").body("{\"enabled\":true}")
                .post("/api/rules/packs/" + pack + "/enabled").then().statusCode(204);
        given().auth().oauth2(engineer).get("/api/rules/" + id).then().body("enabled", is(true));
    }

    @Test
    void aZipOfRuleFilesIsImportedFileByFile() throws IOException {
        String first = UUID.randomUUID().toString();
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("rules/aws/one.yml"));
            out.write(rule(first, "Trail stopped", "StopLogging").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("rules/aws/broken.yml"));
            out.write("title: [unclosed".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("README.md"));
            out.write("not a rule".getBytes(StandardCharsets.UTF_8));
        }
        given().auth().oauth2(Tokens.of("engineer")).contentType("application/zip").body(zip.toByteArray())
                .post("/api/rules/import?pack=zipped").then().statusCode(200).body("stored", is(1))
                .body("refused", is(1)).body("documents.file", contains("rules/aws/one.yml", "rules/aws/broken.yml"));
    }

    @Test
    void anImportRefusedWholeCreatesNoPack() {
        String yaml = rule(UUID.randomUUID().toString(), "Unknown modifier", "x").replace("eventName:",
                "eventName|sometimes:");
        given().auth().oauth2(Tokens.of("engineer")).contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/import?pack=never-made").then().statusCode(200).body("stored", is(0))
                .body("refused", is(1));

        given().auth().oauth2(Tokens.of("engineer")).contentType("application/json").body("{\"enabled\":false}")
                .post("/api/rules/packs/never-made/enabled").then().statusCode(404);
    }

    @Test
    void readersCannotImport() {
        given().auth().oauth2(Tokens.of("analyst")).body(rule(UUID.randomUUID().toString(), "x", "y"))
                .post("/api/rules/import").then().statusCode(403);
    }
}
