package io.vigil.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/** The JSON API over the same searches as the search page: events by cursor, pipes, values, one event. */
@QuarkusTest
class SearchApiTest {

    private static String record(String eventName, String agent, Instant time, String user) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + time.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"" + eventName
                + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"" + agent
                + "\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"" + user + "\"},\"eventID\":\""
                + UUID.randomUUID() + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    /** 25 events of a new agent, ten minutes apart back from now; returns the query that finds them. */
    private static String storeEvents() {
        String agent = "api-" + UUID.randomUUID();
        String source = TestSources.create("t-api-", "cloudtrail", 30);
        Instant now = Instant.now();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            body.append(record(i % 2 == 0 ? "ListUsers" : "GetUser", agent, now.minus(Duration.ofMinutes(10L * i + 5)),
                    i % 5 == 0 ? "alice" : "bob")).append('\n');
        }
        TestSources.ingest(source, body.toString());
        String q = "userAgent:\"" + agent + "\"";
        await().atMost(Duration.ofSeconds(20)).until(() -> search(q, null).getLong("total") == 25);
        return q;
    }

    private static JsonPath search(String q, String cursor) {
        if (cursor == null) {
            return given().auth().oauth2(Tokens.of("analyst")).queryParam("q", q).queryParam("size", 10)
                    .get("/api/search").then().statusCode(200).extract().jsonPath();
        }
        // a cursor holds a point in time, whose id can outgrow a URL: in a body
        return given().auth().oauth2(Tokens.of("analyst")).contentType("application/json")
                .body(java.util.Map.of("q", q, "size", 10, "cursor", cursor)).post("/api/search").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void eventsPageByCursorUntilTheLastOneWithTheTotalAndHistogramFirst() {
        String q = storeEvents();
        JsonPath first = search(q, null);
        assertThat(first.getList("events")).hasSize(10);
        assertThat(first.getString("histogram.interval")).isNotBlank();
        assertThat(first.getList("histogram.bars.count", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(25);
        assertThat(first.getString("events[0].document.userIdentity.userName")).isIn("alice", "bob");
        assertThat(first.getString("events[0].document.event.original")).as("left out unless asked").isNull();

        List<String> ids = new ArrayList<>(first.getList("events.id", String.class));
        String cursor = first.getString("next");
        while (cursor != null) {
            JsonPath page = search(q, cursor);
            assertThat(page.get("total") == null).as("the total comes with the first page only").isTrue();
            ids.addAll(page.getList("events.id", String.class));
            cursor = page.getString("next");
        }
        assertThat(ids).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void aPipeAnswersItsTableAndValuesAndOneEventAreThere() {
        String q = storeEvents();
        JsonPath table = given().auth().oauth2(Tokens.of("analyst"))
                .queryParam("q", q + " | stats count() by user.name")
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(table.getList("table.columns", String.class)).containsExactly("user.name", "count()");
        assertThat(table.getList("table.rows")).hasSize(2);
        assertThat(table.getList("events")).isNull();

        given().auth().oauth2(Tokens.of("analyst")).queryParam("q", q).queryParam("field", "eventName")
                .get("/api/search/values").then().statusCode(200).body("withField", is(25))
                .body("values.value", hasItem("ListUsers"));

        JsonPath first = search(q, null);
        given().auth().oauth2(Tokens.of("analyst"))
                .get("/api/search/events/" + first.getString("events[0].index") + "/" + first.getString("events[0].id"))
                .then().statusCode(200).body("document.userAgent", containsString("api-"));
    }

    @Test
    void aBadSearchSaysWhatAndWhereAndOthersMayNotSearch() {
        given().auth().oauth2(Tokens.of("analyst")).queryParam("q", "eventName:(unclosed")
                .get("/api/search").then().statusCode(400).body("detail", not(emptyOrNullString()))
                .body("position", is(org.hamcrest.Matchers.greaterThanOrEqualTo(0)));
        given().auth().oauth2(Tokens.of("analyst")).queryParam("q", "*").queryParam("cursor", "not-a-cursor")
                .get("/api/search").then().statusCode(400).body("detail", containsString("cursor"));
        given().auth().oauth2(Tokens.of("analyst")).queryParam("size", 5000).get("/api/search").then().statusCode(400)
                .body("detail", containsString("size"));
        given().get("/api/search").then().statusCode(401);
        given().auth().oauth2(Tokens.of("manager")).get("/api/search").then().statusCode(403);
        given().auth().oauth2(Tokens.of("analyst")).get("/api/saved-searches").then().statusCode(200);
        given().auth().oauth2(Tokens.of("analyst")).get("/api/findings?level=severe").then().statusCode(400)
                .body("detail", containsString("level"));
        given().auth().oauth2(Tokens.of("analyst")).get("/api/findings?limit=5").then().statusCode(200)
                .body("size()", is(org.hamcrest.Matchers.lessThanOrEqualTo(5)));
        given().auth().oauth2(Tokens.of("auditor")).get("/api/findings").then().statusCode(403);
    }
}
