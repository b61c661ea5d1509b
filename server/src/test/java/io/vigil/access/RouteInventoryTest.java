package io.vigil.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.devstack.KeycloakService;

/**
 * Walks every route the server exposes. Statically: each JAX-RS method names a permission (or is
 * one of the few public pages). Live: each answers an anonymous request with 401 (API) or a
 * redirect to the Keycloak login (pages), never with content.
 */
@QuarkusTest
class RouteInventoryTest {

    /** The only routes served without signing in, besides health, login and static assets. */
    static final Set<String> PUBLIC_ROUTES = Set.of("GET /signed-out", "GET /sign-in-error", "POST /sign-out");

    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS");
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName PERMISSIONS_ALLOWED = DotName.createSimple("io.quarkus.security.PermissionsAllowed");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");

    record Route(String method, String path, String permission) {

        String key() {
            return method + " " + path;
        }
    }

    private static List<Route> routes;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @BeforeAll
    static void indexRoutes() throws IOException {
        routes = routesIn(index(Path.of("target/classes")));
    }

    @Test
    void theInventoryFindsTheRoutes() {
        assertThat(routes).extracting(Route::key).contains("GET /", "GET /api/me", "GET /search", "GET /admin");
    }

    @Test
    void everyRouteNamesAPermissionOrIsKnownPublic() {
        List<String> valid = Arrays.stream(Permission.values()).map(Permission::value).toList();
        for (Route route : routes) {
            if (PUBLIC_ROUTES.contains(route.key())) {
                assertThat(route.permission()).as(route.key()).isEqualTo("public");
            } else {
                assertThat(route.permission()).as("permission of " + route.key()).isIn(valid);
            }
        }
    }

    @Test
    void anonymousRequestsGetNoContent() {
        for (Route route : routes) {
            if (PUBLIC_ROUTES.contains(route.key())) {
                continue;
            }
            var response = given().redirects().follow(false).request(route.method(), concrete(route.path()));
            if (route.path().startsWith("/api/")) {
                assertThat(response.statusCode()).as(route.key()).isEqualTo(401);
            } else if (!route.method().equals("GET")) {
                // a page form post without the console's own headers is refused before sign-in is asked
                assertThat(response.statusCode()).as(route.key()).isIn(302, 403);
            } else {
                assertThat(response.statusCode()).as(route.key()).isEqualTo(302);
                assertThat(response.header("Location")).as(route.key()).startsWith(issuer);
            }
        }
    }

    @Test
    void frameworkRoutesNeedASignInToo() {
        for (String path : List.of("/q/openapi", "/q/swagger-ui/")) {
            int status = given().redirects().follow(false).get(path).statusCode();
            assertThat(status).as(path).isIn(302, 401);
        }
        assertThat(issuer).contains("/realms/" + KeycloakService.REALM);
    }

    @Test
    void healthAndMetricsLiveOnTheManagementPortOnly() {
        given().port(managementPort).get("/q/health/live").then().statusCode(200);
        given().port(managementPort).get("/q/metrics").then().statusCode(200);
        assertThat(given().redirects().follow(false).get("/q/health").statusCode()).isIn(302, 401, 404);
        assertThat(given().redirects().follow(false).get("/q/metrics").statusCode()).isIn(302, 401, 404);
    }

    @Test
    void theApiDescriptionIsForSignedInUsersOnTheConsolePortOnly() {
        given().port(managementPort).get("/q/openapi").then().statusCode(404);
        given().port(managementPort).get("/q/swagger-ui/").then().statusCode(404);
        given().auth().oauth2(io.vigil.testing.Tokens.of("analyst")).get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/api/search"));
        // (the browser's way in, /q/swagger-ui with a session, is walked in SecurityHeadersTest)
        var swagger = given().auth().oauth2(io.vigil.testing.Tokens.of("analyst")).get("/q/swagger-ui/index.html");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    static Index index(Path classes) throws IOException {
        var indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        return indexer.complete();
    }

    static List<Route> routesIn(Index index) {
        List<Route> found = new ArrayList<>();
        for (ClassInfo type : index.getKnownClasses()) {
            AnnotationInstance typePath = type.declaredAnnotation(PATH);
            for (MethodInfo method : type.methods()) {
                for (String http : HTTP_METHODS) {
                    if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + http))) {
                        found.add(new Route(http, join(typePath, method.declaredAnnotation(PATH)),
                                permissionOf(type, method)));
                    }
                }
            }
        }
        return found;
    }

    private static String permissionOf(ClassInfo type, MethodInfo method) {
        AnnotationInstance allowed = method.hasDeclaredAnnotation(PERMISSIONS_ALLOWED)
                ? method.declaredAnnotation(PERMISSIONS_ALLOWED)
                : type.declaredAnnotation(PERMISSIONS_ALLOWED);
        if (allowed != null) {
            String[] values = allowed.value().asStringArray();
            return values.length == 1 ? values[0] : String.join(",", values);
        }
        return method.hasDeclaredAnnotation(PERMIT_ALL) || type.hasDeclaredAnnotation(PERMIT_ALL) ? "public" : "none";
    }

    private static String join(AnnotationInstance typePath, AnnotationInstance methodPath) {
        String path = "/" + (typePath == null ? "" : typePath.value().asString()) + "/"
                + (methodPath == null ? "" : methodPath.value().asString());
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A request path for a template: every {param} becomes a harmless value. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "x");
    }
}
