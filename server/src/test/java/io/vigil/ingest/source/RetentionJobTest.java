package io.vigil.ingest.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.TestStack;
import io.vigil.testing.Tokens;

/**
 * Retention deletes whole daily events indices past their source's retention, daily findings indices
 * past the findings retention (365 days), and nothing else.
 */
@QuarkusTest
class RetentionJobTest {

    @Inject
    RetentionJob retention;

    @Test
    void deletesOnlyDaysPastTheSourcesRetention() {
        String source = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.of("admin")).contentType("application/json")
                .body(Map.of("name", source, "type", "json", "retentionDays", 7))
                .post("/api/admin/sources").then().statusCode(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String old = index(source, today.minusDays(10));
        String recent = index(source, today.minusDays(3));
        String unknownSourceWithDash = index(source + "-eu", today.minusDays(10));

        var deleted = retention.run();

        assertThat(deleted).contains(old).doesNotContain(recent, unknownSourceWithDash);
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(unknownSourceWithDash)).as("default retention of 90 days").isTrue();
    }

    @Test
    void deletesFindingsIndicesPastTheFindingsRetention() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String old = findingsIndex(today.minusDays(400));
        String kept = findingsIndex(today.minusDays(300));

        var deleted = retention.run();

        assertThat(deleted).contains(old).doesNotContain(kept);
        assertThat(exists(old)).isFalse();
        assertThat(exists(kept)).isTrue();
    }

    /** An empty findings index of that day (the findings template's mapping is strict). */
    private static String findingsIndex(LocalDate day) {
        String name = "vigil-findings-" + day.format(DateTimeFormatter.ofPattern("yyyy.MM.dd"));
        given().baseUri(TestStack.get().openSearch().url()).put("/" + name).then().statusCode(200);
        return name;
    }

    private static String index(String source, LocalDate day) {
        String name = "vigil-events-" + source + "-" + day.format(DateTimeFormatter.ofPattern("yyyy.MM.dd"));
        given().baseUri(TestStack.get().openSearch().url()).contentType("application/json").body("{\"n\":1}")
                .post("/" + name + "/_doc").then().statusCode(201);
        return name;
    }

    private static boolean exists(String index) {
        return given().baseUri(TestStack.get().openSearch().url()).head("/" + index).statusCode() == 200;
    }
}
