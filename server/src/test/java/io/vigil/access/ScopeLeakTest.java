package io.vigil.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/**
 * Data scopes hold on every read path. The demo realm's {@code analyst-eu} is in the Keycloak groups
 * {@code aws-prod} and {@code linux}; markers are seeded into sources of the {@code network} scope, and
 * no event, count, field name, field value, finding or query text of them may reach that user, while
 * the unscoped {@code analyst} sees them (so their absence means something). The last test keeps the
 * list honest: a new route that reads events or findings fails until a test here covers it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeLeakTest {

    /** Every route that reads events, findings or what is derived from them, with where it is tested. */
    static final Map<String, String> READ_PATHS = Map.ofEntries(
            Map.entry("GET /api/search", "searchesCountsAndPipes"),
            Map.entry("POST /api/search", "searchesCountsAndPipes"),
            Map.entry("GET /api/search/values", "fieldValues"),
            Map.entry("GET /api/search/fields", "fieldNamesAndPipesOnThem"),
            Map.entry("GET /api/search/events/{index}/{id}", "oneEventById"),
            Map.entry("GET /search", "searchesCountsAndPipes"),
            Map.entry("POST /search/more", "searchesCountsAndPipes"),
            Map.entry("GET /search/fields", "fieldNamesAndPipesOnThem"),
            Map.entry("GET /search/values", "fieldValues"),
            Map.entry("GET /search/event", "oneEventById"),
            Map.entry("GET /search/export", "exports"),
            Map.entry("GET /search/export/{id}", "exports (progress: counts of the user's own export)"),
            Map.entry("POST /search/export/{id}/cancel", "exports (the user's own export)"),
            Map.entry("GET /api/findings", "findings"),
            Map.entry("GET /alerts/findings", "findings"),
            Map.entry("GET /alerts/findings/{index}/{id}", "findings"),
            Map.entry("GET /alerts/findings/newest", "findings"),
            Map.entry("GET /posture/summary", "postureFigures"),
            Map.entry("GET /api/alerts", "alerts"),
            Map.entry("GET /api/alerts/{id}", "alerts"),
            Map.entry("GET /alerts", "alerts"),
            Map.entry("GET /alerts/newer", "alerts"),
            Map.entry("GET /alerts/{id}", "alerts"),
            Map.entry("GET /alerts/{id}/panel", "alerts"),
            Map.entry("GET /search/saved/panel", "savedSearches"),
            Map.entry("GET /api/saved-searches", "savedSearches"),
            Map.entry("GET /api/saved-searches/{id}", "savedSearches"),
            Map.entry("GET /search/saved", "savedSearches"),
            Map.entry("POST /search/saved", "savedSearches"),
            Map.entry("POST /search/saved/{id}/delete", "savedSearches (one's own only)"),
            Map.entry("GET /search/saved/{id}/rule-draft", "savedSearches"),
            Map.entry("POST /rules/backtests", "BacktestScopeTest"),
            Map.entry("GET /rules/backtests/{job}", "BacktestScopeTest"),
            Map.entry("POST /rules/backtests/{job}/cancel", "BacktestScopeTest"));

    /**
     * Routes with a read permission that read no events: placeholders and the like. Incident measures are
     * counts and durations of incidents, which every incident reader sees whole; the evidence inside incidents
     * is cut by scope, tested in IncidentsTest.
     */
    static final Set<String> NOT_READ_PATHS = Set.of("GET /posture", "GET /api/posture/incidents");

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String marker = "LeakTest" + id;
    private final String outside = "outside" + id;
    private final String leakField = "leakfield" + id;
    private String inName;
    private String outName;
    private String outJsonName;
    private String ruleId;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    // seeded by the first test rather than @BeforeAll: RestAssured knows the server's port per test
    @BeforeEach
    void seed() {
        if (ruleId != null) {
            return;
        }
        ruleId = io.vigil.testing.TestRules.onEvent(marker, "Leak test " + id, "t-scope-leak");
        String in = source("t-in-", "cloudtrail", "aws-prod");
        String out = source("t-out-", "cloudtrail", "network");
        String outJson = source("t-outj-", "json", "network");
        inName = in.split(" ")[0];
        outName = out.split(" ")[0];
        outJsonName = outJson.split(" ")[0];
        Instant at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        TestSources.ingest(in, cloudTrail(at, "inside" + id, "192.0.2.10"));
        TestSources.ingest(out, cloudTrail(at, outside, "198.51.100.77"));
        TestSources.ingest(outJson, "{\"@timestamp\":\"" + at + "\",\"" + leakField + "\":\"secret" + id
                + "\",\"note\":\"" + outside + "\"}\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> total("analyst", outside) == 2
                && total("analyst", marker) == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("analyst").queryParam("rule", ruleId)
                .get("/api/findings").then().extract().jsonPath().getList("$").size() == 2);
    }

    private static String source(String prefix, String type, String scope) {
        String source = TestSources.create(prefix, type, 30);
        as("admin").contentType("application/json").body(Map.of("scope", scope))
                .post("/api/admin/sources/" + source.split(" ")[0] + "/scope").then().statusCode(200);
        return source;
    }

    private String cloudTrail(Instant at, String user, String ip) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + at + "\",\"eventSource\":\"iam.amazonaws.com\","
                + "\"eventName\":\"" + marker + "\",\"sourceIPAddress\":\"" + ip + "\",\"userIdentity\":{\"type\":"
                + "\"IAMUser\",\"userName\":\"" + user + "\"},\"eventID\":\"" + UUID.randomUUID() + "\"}\n";
    }

    private static long total(String user, String q) {
        return as(user).queryParam("q", q).get("/api/search").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    @Test
    void alerts() {
        // the marker rule is high: each source's finding raised an alert
        await().atMost(Duration.ofSeconds(30)).until(() -> as("analyst").queryParam("rule", ruleId)
                .get("/api/alerts").then().statusCode(200).extract().jsonPath().getList("$").size() == 2);
        JsonPath all = as("analyst").queryParam("rule", ruleId).get("/api/alerts").then().extract().jsonPath();
        assertThat(all.getList("sources.flatten()")).containsExactlyInAnyOrder(inName, outName);
        JsonPath eu = as("analyst-eu").queryParam("rule", ruleId).get("/api/alerts").then().statusCode(200)
                .header("X-Total-Count", "1").extract().jsonPath();
        assertThat(eu.getList("sources.flatten()")).containsExactly(inName);
        String outsideAlert = all.getString("find { it.sources.contains('" + outName + "') }.id");
        as("analyst-eu").get("/api/alerts/" + outsideAlert).then().statusCode(404);
        as("analyst").get("/api/alerts/" + outsideAlert).then().statusCode(200);
        assertThat(as("analyst-eu").queryParam("source", outName).get("/api/alerts").then().statusCode(200)
                .extract().jsonPath().getList("$")).isEmpty();
        // the pages: the queue, its poll for changes, an alert's page and panel
        String queue = as("analyst-eu").get("/alerts?state=all&rule=" + ruleId).then().statusCode(200).extract()
                .asString();
        assertThat(queue).contains(inName).doesNotContain(outName).contains("data-testid=\"alerts-total\">1<");
        assertThat(as("analyst").get("/alerts?state=all&rule=" + ruleId).then().extract().asString())
                .contains(outName);
        as("analyst-eu").get("/alerts/" + outsideAlert).then().statusCode(404);
        as("analyst-eu").get("/alerts/" + outsideAlert + "/panel").then().statusCode(404);
        assertThat(as("analyst").get("/alerts/" + outsideAlert + "/panel").then().statusCode(200).extract()
                .asString()).contains(outName);
        assertThat(as("analyst-eu").get("/alerts/newer?state=all&since=2000-01-01T00:00:00Z&rule=" + ruleId).then()
                .statusCode(200).extract().asString()).contains(">1 new or changed");
    }

    @Test
    void searchesCountsAndPipes() {
        assertThat(total("analyst-eu", outside)).isZero();
        assertThat(total("analyst-eu", marker)).isEqualTo(1);
        JsonPath page = as("analyst-eu").contentType("application/json").body(Map.of("q", marker + " OR " + outside,
                "size", 1)).post("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("events.source")).containsOnly(inName);
        if (page.getString("next") != null) {
            JsonPath next = as("analyst-eu").queryParam("cursor", page.getString("next")).get("/api/search").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(next.getList("events")).as("the page after the only event in scope").isEmpty();
        }

        String pipe = marker + " OR " + outside + " | stats count() by vigil.source";
        String mine = as("analyst-eu").queryParam("q", pipe).get("/api/search").then().statusCode(200).extract()
                .asString();
        assertThat(mine).contains(inName).doesNotContain(outName).doesNotContain(outJsonName);
        assertThat(as("analyst").queryParam("q", pipe).get("/api/search").asString()).contains(outName, outJsonName);

        String html = as("analyst-eu").queryParam("q", marker + " OR " + outside).get("/search").then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("<span data-testid=\"total\">1</span>").doesNotContain(outName)
                .doesNotContain("198.51.100.77");
        String more = as("analyst-eu").header("HX-Request", "true").queryParam("q", marker + " OR " + outside)
                .queryParam("after", Instant.now().toEpochMilli()).queryParam("afterId", "")
                .post("/search/more").then().extract().asString();
        assertThat(more).doesNotContain(outName).doesNotContain("198.51.100.77");
    }

    @Test
    void fieldValues() {
        String q = marker + " OR " + outside;
        String api = as("analyst-eu").queryParam("q", q).queryParam("field", "vigil.source")
                .get("/api/search/values").then().statusCode(200).extract().asString();
        assertThat(api).contains(inName).doesNotContain(outName);
        String page = as("analyst-eu").queryParam("q", q).queryParam("field", "source.ip").get("/search/values")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("192.0.2.10").doesNotContain("198.51.100.77");
    }

    @Test
    void fieldNamesAndPipesOnThem() {
        await().atMost(Duration.ofSeconds(30)).until(() -> as("analyst").get("/api/search/fields").asString()
                .contains(leakField));
        assertThat(as("analyst-eu").get("/api/search/fields").then().statusCode(200).extract().asString())
                .doesNotContain(leakField).contains("eventName");
        assertThat(as("analyst-eu").accept("application/json").get("/search/fields").then().statusCode(200)
                .extract().asString()).doesNotContain(leakField);

        // a pipe on the field answers as for a field that exists nowhere
        String onLeak = as("analyst-eu").queryParam("q", "* | stats count() by " + leakField).get("/api/search")
                .then().statusCode(400).extract().jsonPath().getString("detail");
        String onNothing = as("analyst-eu").queryParam("q", "* | stats count() by nosuch" + id).get("/api/search")
                .then().statusCode(400).extract().jsonPath().getString("detail");
        assertThat(onLeak.replace(leakField, "F")).isEqualTo(onNothing.replace("nosuch" + id, "F"));
        assertThat(as("analyst").queryParam("q", "* | stats count() by " + leakField).get("/api/search").asString())
                .contains("secret" + id);
    }

    @Test
    void oneEventById() {
        JsonPath hit = as("analyst").queryParam("q", "\"" + outside + "\" AND vigil.source:" + outName)
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        String index = hit.getString("events[0].index");
        String eventId = hit.getString("events[0].id");
        as("analyst").get("/api/search/events/" + index + "/" + eventId).then().statusCode(200);
        as("analyst-eu").get("/api/search/events/" + index + "/" + eventId).then().statusCode(404);
        String panel = as("analyst-eu").queryParam("index", index).queryParam("id", eventId).get("/search/event")
                .then().extract().asString();
        assertThat(panel).doesNotContain(outside).doesNotContain("198.51.100.77");
    }

    @Test
    void exports() {
        String export = as("analyst-eu").queryParam("q", marker + " OR " + outside).queryParam("format", "ndjson")
                .queryParam("id", UUID.randomUUID().toString()).get("/search/export").then().statusCode(200).extract()
                .asString();
        assertThat(export).contains("inside" + id).doesNotContain(outside).doesNotContain("198.51.100.77");
    }

    @Test
    void findings() {
        List<String> sources = as("analyst-eu").queryParam("rule", ruleId).get("/api/findings").then()
                .statusCode(200).extract().jsonPath().getList("source");
        assertThat(sources).containsExactly(inName);
        String page = as("analyst-eu").queryParam("rule", ruleId).get("/alerts/findings").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains(inName).doesNotContain(outName);

        // one finding in the flyout: the unscoped analyst opens the outside one, analyst-eu cannot
        String all = as("analyst").queryParam("rule", ruleId).get("/alerts/findings").then().statusCode(200)
                .extract().asString();
        var refs = java.util.regex.Pattern.compile("hx-get=\"/alerts/findings/([^\"]+)\"").matcher(all).results()
                .map(m -> m.group(1)).toList();
        assertThat(refs).hasSize(2);
        List<String> flyouts = refs.stream().map(ref -> as("analyst").get("/alerts/findings/" + ref).then()
                .statusCode(200).extract().asString()).toList();
        String outsideRef = refs.get(flyouts.get(0).contains(outName) ? 0 : 1);
        String insideRef = refs.get(flyouts.get(0).contains(outName) ? 1 : 0);
        assertThat(as("analyst-eu").get("/alerts/findings/" + outsideRef).then().statusCode(404).extract().asString())
                .doesNotContain(outName);
        assertThat(as("analyst-eu").get("/alerts/findings/" + insideRef).then().statusCode(200).extract().asString())
                .contains(inName);

        // Home's newest high findings (the leak-test rule is high)
        assertThat(as("analyst-eu").get("/alerts/findings/newest").then().statusCode(200).extract().asString())
                .doesNotContain(outName);
        assertThat(as("analyst").get("/alerts/findings/newest").then().statusCode(200).extract().asString())
                .contains(outName);
    }

    @Inject
    io.vigil.posture.PostureFigures posture;

    @Test
    void postureFigures() {
        // no demo user reads posture within a scope: one is made here, scoped to the inside source
        var scoped = new VigilUser("t-" + id, "manager-eu", "Manager EU", List.of(io.vigil.access.Role.SOC_MANAGER),
                Set.of(Permission.CONSOLE_USE, Permission.POSTURE_READ), java.util.Optional.of(Set.of("aws-prod")),
                java.util.Optional.of(Set.of(inName)));
        var figures = posture.of(scoped, Instant.now());
        assertThat(figures.findingsBySource()).extracting(c -> c.key()).contains(inName).doesNotContain(outName);
        assertThat(figures.eventsBySource()).extracting(c -> c.key()).contains(inName).doesNotContain(outName,
                outJsonName);
        var everyone = posture.of(
                new VigilUser("t-all", "manager", "Manager", List.of(io.vigil.access.Role.SOC_MANAGER),
                        Set.of(Permission.POSTURE_READ), java.util.Optional.empty(), java.util.Optional.empty()),
                Instant.now());
        assertThat(everyone.eventsBySource()).as("unscoped: the top sources of all").isNotEmpty();
        assertThat(as("manager").get("/posture/summary").then().statusCode(200).extract().asString())
                .contains("Findings by level");
    }

    @Test
    void savedSearches() {
        String secretName = "leak-" + id;
        saveShared("analyst", secretName, outside);
        String euName = "eu-" + id;
        saveShared("analyst-eu", euName, marker);

        String listed = as("analyst-eu").get("/api/saved-searches").then().statusCode(200).extract().asString();
        assertThat(listed).contains(euName).doesNotContain(secretName).doesNotContain(outside);
        assertThat(as("analyst-eu").get("/search/saved").then().statusCode(200).extract().asString())
                .doesNotContain(secretName);
        String secretId = as("analyst").get("/api/saved-searches").then().extract().jsonPath()
                .getString("find { it.name == '" + secretName + "' }.id");
        as("analyst-eu").get("/api/saved-searches/" + secretId).then().statusCode(404);
        assertThat(as("analyst-eu").get("/search/saved/" + secretId + "/rule-draft").then().extract().asString())
                .doesNotContain(outside);
        // a user who may read all the author could sees the author's shared search
        assertThat(as("analyst").get("/api/saved-searches").asString()).contains(euName);
    }

    private static void saveShared(String user, String name, String q) {
        as(user).header("HX-Request", "true").contentType("application/x-www-form-urlencoded")
                .formParam("name", name).formParam("shared", "on").formParam("q", q).post("/search/saved").then()
                .statusCode(200);
    }

    @Test
    void everyReadPathIsCoveredHere() throws IOException {
        var routes = RouteInventoryTest.routesIn(RouteInventoryTest.index(Path.of("target/classes")));
        Set<String> reading = routes.stream()
                .filter(r -> Set.of(Permission.EVENTS_READ.value(), Permission.ALERTS_READ.value(),
                        Permission.POSTURE_READ.value()).contains(r.permission()) || r.path().startsWith("/search")
                        || r.path().startsWith("/rules/backtests"))
                .map(RouteInventoryTest.Route::key).collect(Collectors.toSet());
        assertThat(reading).as("routes that read events or findings: add a scope test and list it in READ_PATHS")
                .isSubsetOf(union(READ_PATHS.keySet(), NOT_READ_PATHS));
        assertThat(READ_PATHS.keySet()).as("listed routes that no longer exist").isSubsetOf(reading);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
