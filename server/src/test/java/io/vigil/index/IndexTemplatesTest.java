package io.vigil.index;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.ops.SetupState;
import io.vigil.testing.TestStack;

/** The code's index templates are in the real OpenSearch after start, and shape new indices. */
@QuarkusTest
class IndexTemplatesTest {

    @Inject
    IndexTemplates templates;

    private static String openSearch() {
        return TestStack.get().openSearch().url();
    }

    @Test
    void everyTemplateIsInstalledAtItsVersion() {
        await().atMost(Duration.ofSeconds(60)).until(() -> templates.setup().state() instanceof SetupState.Done);
        for (String name : IndexTemplates.NAMES) {
            JsonPath installed = given().baseUri(openSearch()).get("/_index_template/" + name).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(installed.getLong("index_templates[0].index_template.version")).as(name).isPositive();
            assertThat(installed.getList("index_templates[0].index_template.index_patterns", String.class))
                    .containsExactly(name + "-*");
        }
    }

    @Test
    void applyingAgainChangesNothing() throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(() -> templates.setup().state() instanceof SetupState.Done);
        String before = given().baseUri(openSearch()).get("/_index_template/vigil-events").asString();
        templates.applyAll();
        templates.applyAll();
        assertThat(given().baseUri(openSearch()).get("/_index_template/vigil-events").asString()).isEqualTo(before);
    }

    @Test
    void aNewEventIndexKeepsTheOriginalUnindexedAndFreeFormObjectsFlat() {
        await().atMost(Duration.ofSeconds(60)).until(() -> templates.setup().state() instanceof SetupState.Done);
        String index = "vigil-events-templatetest-2026.11.21";
        given().baseUri(openSearch()).contentType("application/json")
                .body("{\"@timestamp\":\"2026-11-21T10:00:00Z\",\"event\":{\"original\":\"raw line\"},"
                        + "\"requestParameters\":{\"bucketName\":\"b\",\"k1\":{\"k2\":\"v\"}},\"source\":{\"ip\":\"10.0.0.1\"}}")
                .post("/" + index + "/_doc?refresh=true").then().statusCode(201);

        JsonPath mapping = given().baseUri(openSearch()).get("/" + index + "/_mapping").then().statusCode(200)
                .extract().jsonPath();
        String root = "'" + index + "'.mappings.properties.";
        assertThat(mapping.getBoolean(root + "event.properties.original.index")).isFalse();
        assertThat(mapping.getString(root + "requestParameters.type")).isEqualTo("flat_object");
        assertThat(mapping.getString(root + "source.properties.ip.type")).isEqualTo("ip");

        int hits = given().baseUri(openSearch()).contentType("application/json")
                .body("{\"query\":{\"term\":{\"requestParameters.k1.k2\":\"v\"}}}")
                .post("/" + index + "/_search").then().statusCode(200).extract().path("hits.total.value");
        assertThat(hits).as("free-form values stay searchable").isEqualTo(1);
        given().baseUri(openSearch()).delete("/" + index).then().statusCode(200);
    }
}
