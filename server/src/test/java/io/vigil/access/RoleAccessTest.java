package io.vigil.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.Tokens;

/**
 * A real Keycloak token per demo user against every guarded route: each role reaches what it is
 * allowed and gets 403 elsewhere. The expectations are written out here, independently of
 * {@link RolePermissions}, so a change to the table shows up as a failing row.
 */
@QuarkusTest
class RoleAccessTest {

    private static final List<String> ROUTES = List.of("/", "/api/me", "/search", "/alerts", "/incidents", "/rules",
            "/posture", "/audit", "/admin", "/api/admin/dependencies", "/api/admin/sources", "/api/admin/dead-letters",
            "/admin/sources",
            "/admin/dead-letters", "/admin/upload", "/alerts/findings", "/api/rules");

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "analyst", Set.of("/", "/api/me", "/search", "/alerts", "/incidents", "/rules", "/alerts/findings",
                    "/api/rules"),
            "handler", Set.of("/", "/api/me", "/search", "/alerts", "/incidents", "/alerts/findings"),
            "manager", Set.of("/", "/api/me", "/alerts", "/incidents", "/posture", "/alerts/findings"),
            "engineer", Set.of("/", "/api/me", "/search", "/alerts", "/rules", "/alerts/findings", "/api/rules"),
            "admin", Set.of("/", "/api/me", "/rules", "/posture", "/admin", "/api/admin/dependencies", "/api/rules",
                    "/api/admin/sources", "/api/admin/dead-letters", "/admin/sources", "/admin/dead-letters",
                    "/admin/upload"),
            "auditor", Set.of("/", "/api/me", "/audit"));

    @ParameterizedTest
    @ValueSource(strings = {"analyst", "handler", "manager", "engineer", "admin", "auditor"})
    void eachRoleReachesWhatItMayAndNothingElse(String user) {
        String token = Tokens.of(user);
        for (String route : ROUTES) {
            int expected = ALLOWED.get(user).contains(route) ? 200 : 403;
            int actual = given().auth().oauth2(token).redirects().follow(false).get(route).statusCode();
            assertThat(actual).as("%s GET %s", user, route).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyst", "manager", "auditor"})
    void theApiNamesTheCallersRolesAndPermissions(String user) {
        var me = given().auth().oauth2(Tokens.of(user)).get("/api/me").then().statusCode(200).extract().jsonPath();
        Role role = switch (user) {
            case "analyst" -> Role.SOC_ANALYST;
            case "manager" -> Role.SOC_MANAGER;
            default -> Role.AUDITOR;
        };
        assertThat(me.getString("username")).isEqualTo(user);
        assertThat(me.getList("roles", String.class)).containsExactly(role.realmRole());
        assertThat(me.getList("permissions", String.class))
                .containsExactlyInAnyOrderElementsOf(RolePermissions.of(role).stream().map(Permission::value).toList());
    }

    @Test
    void aBrowserIsToldClearlyWhyItMayNotEnter() {
        String page = given().auth().oauth2(Tokens.of("auditor")).accept("text/html").get("/search").then()
                .statusCode(403).contentType("text/html").extract().asString();
        assertThat(page).contains("Not allowed").contains("/search").contains("<nav").doesNotContain("Exception");
    }

    @Test
    void aProgramGetsAShortJsonRefusal() {
        given().auth().oauth2(Tokens.of("auditor")).accept("application/json").get("/api/admin/dependencies").then()
                .statusCode(403)
                .contentType("application/json").body("status", org.hamcrest.Matchers.is(403))
                .body("error", org.hamcrest.Matchers.is("Not allowed"));
    }
}
