package io.vigil.ingest;

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

/** Retention deletes whole daily indices past their source's retention, and nothing else. */
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
