package io.vigil.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigil.testing.Tokens;

/** The tables' choices are kept per user on the server, checked, and carried by every page. */
@QuarkusTest
class PreferencesTest {

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).header("HX-Request", "true").contentType("application/json");
    }

    @Test
    void aChoiceIsKeptForItsUserAndComesBackInEveryPage() {
        as("handler").body("{\"sort\":{\"col\":\"level\",\"dir\":\"descending\"},\"widths\":{\"rule\":320}}")
                .put("/preferences/grid.t-prefs").then().statusCode(204);
        as("handler").body("{\"widths\":{\"time\":150}}").put("/preferences/grid.t-other").then().statusCode(204);
        String page = given().auth().oauth2(Tokens.of("handler")).get("/").then().statusCode(200).extract().asString();
        assertThat(page).contains("name=\"vigil-preferences\"", "grid.t-prefs", "&quot;rule&quot;: 320",
                "grid.t-other");
        String others = given().auth().oauth2(Tokens.of("engineer")).get("/").then().statusCode(200).extract()
                .asString();
        assertThat(others).doesNotContain("grid.t-prefs");
    }

    @Test
    void badChoicesAreRefusedWithTheReason() {
        assertThat(as("handler").body("{}").put("/preferences/Grid.Upper").then().statusCode(422).extract().asString())
                .contains("lower-case letters");
        assertThat(as("handler").body("{not json").put("/preferences/grid.x").then().statusCode(422).extract()
                .asString()).contains("not JSON");
        assertThat(as("handler").body("\"" + "x".repeat(5000) + "\"").put("/preferences/grid.x").then().statusCode(422)
                .extract().asString()).contains("at most 4096");
        // from another site: refused before it is read
        given().auth().oauth2(Tokens.of("handler")).contentType("application/json").body("{}")
                .put("/preferences/grid.x").then().statusCode(403);
    }
}
