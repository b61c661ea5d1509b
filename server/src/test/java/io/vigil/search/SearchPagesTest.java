package io.vigil.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.TestRules;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/** The search page over events ingested through the HTTP intake into the real OpenSearch. */
@QuarkusTest
class SearchPagesTest {

    private static final Pattern ROW = Pattern.compile("class=\"result-row\"");

    private static String record(String eventName, String agent, String eventId, Instant time, String user) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + time.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"" + eventName
                + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"" + agent
                + "\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"" + user + "\"},\"eventID\":\"" + eventId
                + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    /** {@code count} events of one new agent, an hour apart back from now; returns the agent. */
    private static String ingest(int count) {
        String agent = "agent-" + UUID.randomUUID();
        String source = TestSources.create("t-search-", "cloudtrail", 30);
        Instant now = Instant.now();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append(record(i % 2 == 0 ? "ListUsers" : "GetUser", agent, UUID.randomUUID().toString(),
                    now.minus(Duration.ofMinutes(10L * i + 5)), i % 3 == 0 ? "alice" : "bob")).append('\n');
        }
        TestSources.ingest(source, body.toString());
        // every event counted, not just a page of rows: the events span two daily indices, which are
        // refreshed apart, so a full first page can show before the older day is searchable
        await().atMost(Duration.ofSeconds(20)).until(() -> page("userAgent:\"" + agent + "\"", "now-7d")
                .contains("<span data-testid=\"total\">" + String.format(Locale.ROOT, "%,d", count) + "</span>"));
        return agent;
    }

    private static String page(String q, String from) {
        return given().auth().oauth2(Tokens.of("analyst")).queryParam("q", q).queryParam("from", from)
                .get("/search").then().statusCode(200).extract().asString();
    }

    /** A URL the page itself built (already encoded), fetched as the browser would. */
    private static String fetch(String url) {
        return given().urlEncodingEnabled(false).auth().oauth2(Tokens.of("analyst")).get(url).then().statusCode(200)
                .extract().asString();
    }

    /**
     * What htmx sends for a row or a field button: its URL plus the inputs of the page's
     * {@code #shown-search} form ({@code hx-include}).
     */
    private static String withShownSearch(String html, String url) {
        Matcher form = Pattern.compile("<form id=\"shown-search\"[\\s\\S]*?</form>").matcher(html);
        assertThat(form.find()).as("the page's shown-search form").isTrue();
        StringBuilder params = new StringBuilder(url);
        Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(form.group()).results()
                .forEach(input -> params.append('&').append(input.group(1)).append('=').append(URLEncoder.encode(
                        input.group(2).replace("&quot;", "\"").replace("&amp;", "&"), StandardCharsets.UTF_8)));
        return params.toString();
    }

    private static int rows(String html) {
        Matcher m = ROW.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String attribute(String html, String name, String after) {
        Matcher m = Pattern.compile(Pattern.quote(after) + "[\\s\\S]*?" + name + "=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as(name + " after " + after).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void aSearchShowsItsEventsNewestFirstWithTotalHistogramAndFields() {
        String agent = ingest(3);
        String html = page("userAgent:\"" + agent + "\"", "now-24h");
        assertThat(rows(html)).isEqualTo(3);
        assertThat(html).contains("<span data-testid=\"total\">3</span>");
        List<String> times = new ArrayList<>();
        Matcher time = Pattern.compile("<time datetime=\"([^\"]+)\"").matcher(html);
        while (time.find()) {
            times.add(time.group(1));
        }
        assertThat(times).hasSize(3).isSortedAccordingTo((a, b) -> b.compareTo(a));
        Matcher data = Pattern.compile("id=\"histogram-data\">(.*?)</script>").matcher(html);
        assertThat(data.find()).isTrue();
        long sum = Pattern.compile("\\[\\d+,(\\d+)]").matcher(data.group(1)).results()
                .mapToLong(r -> Long.parseLong(r.group(1))).sum();
        assertThat(sum).isEqualTo(3);
        assertThat(html).contains("data-field=\"user.name\"").contains("data-field=\"eventName\"");
    }

    @Test
    void deepPagingContinuesAfterTheLastEventShown() {
        String agent = ingest(120);
        String html = page("userAgent:\"" + agent + "\"", "now-7d");
        assertThat(rows(html)).isEqualTo(50);
        assertThat(html).contains("<span data-testid=\"total\">120</span>");
        List<String> seen = new ArrayList<>(ids(html));
        String more = attribute(html, "hx-post", "<tr id=\"more-row\" data-grid-skip>");
        assertThat(URLDecoder.decode(more, StandardCharsets.UTF_8)).as("the range is fixed while paging")
                .doesNotContain("from=now");
        String pit = null;
        for (int page = 0; page < 2; page++) {
            var request = given().urlEncodingEnabled(false).auth().oauth2(Tokens.of("analyst"))
                    .header("HX-Request", "true").contentType("application/x-www-form-urlencoded");
            if (pit != null) {
                request.formParam("pit", pit);
            }
            String fragment = request.post(more).then().statusCode(200).extract().asString();
            seen.addAll(ids(fragment));
            if (page == 0) {
                assertThat(fragment).contains("more-row");
                more = attribute(fragment, "hx-post", "<tr id=\"more-row\" data-grid-skip>");
                pit = attribute(fragment, "value", "name=\"pit\"");
            } else {
                assertThat(fragment).doesNotContain("more-row");
            }
        }
        assertThat(seen).hasSize(120).doesNotHaveDuplicates();
    }

    private static List<String> ids(String html) {
        return Pattern.compile("data-id=\"([^\"]+)\"").matcher(html).results().map(r -> r.group(1)).toList();
    }

    @Test
    void theEventPanelShowsEveryFieldWithFiltersAndTheRecordAndFindings() {
        String agent = ingest(1);
        String html = page("userAgent:\"" + agent + "\"", "now-24h");
        String panel = fetch(withShownSearch(html, attribute(html, "hx-get", "class=\"result-row\"")));
        assertThat(panel).contains("<code>userIdentity.userName</code>").contains("<code>eventName</code>")
                .contains("data-testid=\"event-original\"").contains("id=\"event-findings\"");
        // filter for: the query keeps its part and gains the value; pivot: only the value
        assertThat(panel).contains("q=%28userAgent%3A%22" + agent)
                .contains("q=userIdentity.userName%3A%22alice%22");
    }

    @Test
    void theFindingsOfAnEventShowInItsPanel() {
        String agent = "agent-" + UUID.randomUUID();
        String ruleId = TestRules.callBy("ListUsers", agent, "IAM user listed by a test client", "high",
                "attack.discovery, attack.t1087.004", "t-search");
        String source = TestSources.create("t-search-", "cloudtrail", 30);
        TestSources.ingest(source, record("ListUsers", agent, UUID.randomUUID().toString(), Instant.now()
                .minusSeconds(60), "carol"));
        String q = "userAgent:\"" + agent + "\"";
        await().atMost(Duration.ofSeconds(20)).until(() -> rows(page(q, "now-1h")) == 1);
        String eventUrl = attribute(page(q, "now-1h"), "hx-get", "class=\"result-row\"");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(fetch(eventUrl))
                .contains("data-testid=\"event-findings\"").contains("IAM user listed by a test client")
                .contains("href=\"/rules/" + ruleId + "\"").contains("T1087.004 Account Discovery: Cloud Account"));
    }

    @Test
    void topValuesCountTheWholeResultNotJustThePage() {
        String agent = ingest(60);
        String url = "/search/values?q=" + URLEncoder.encode("userAgent:\"" + agent + "\"", StandardCharsets.UTF_8)
                + "&from=now-7d&to=now&field=userIdentity.userName";
        String fragment = fetch(url);
        assertThat(fragment).contains("60 events in the range hold")
                .contains(">bob</a> <span class=\"value-actions\"><span class=\"count\">40</span>")
                .contains(">alice</a> <span class=\"value-actions\"><span class=\"count\">20</span>")
                .contains("+AND+NOT+userIdentity.userName%3A%22bob%22");
    }

    @Test
    void aSearchThatFindsNothingInItsRangeSaysHowManyMatchBeforeIt() {
        String agent = ingest(4); // from 5 minutes to 35 minutes ago
        String empty = page("userAgent:\"" + agent + "\"", "now-2m");
        assertThat(empty).contains("data-testid=\"no-results\"");
        assertThat(empty).contains("data-testid=\"outside-range\"").contains("4 events before this range")
                .contains("Search all time");
        assertThat(page("userAgent:\"" + agent + "\"", TimeRange.ALL_TIME)).contains(
                "<span data-testid=\"total\">4</span>");
        assertThat(page("userAgent:\"nobody-" + agent + "\"", "now-2m")).doesNotContain("outside-range");
    }

    @Test
    void aBadQuerySaysWhereAndAnExpensiveOneIsWarnedAbout() {
        String html = page("eventName:(ConsoleLogin OR", "now-24h");
        assertThat(html).contains("data-testid=\"search-problem\"").contains("query syntax: the query ends too early")
                .contains("<mark>").doesNotContain("Exception").doesNotContain("at io.vigil");
        assertThat(page("eventName:ConsoleLogin", "yesterday")).contains("&#39;from&#39; is yesterday");
        assertThat(page("user.name:*admin", "now-7d")).contains("data-testid=\"search-warning\"")
                .contains("leading wildcard");
    }

    @Test
    void aPipeIsComputedByOpenSearchOverEveryMatchingEvent() {
        String agent = ingest(60);
        String q = "userAgent:\"" + agent + "\"";
        String stats = page(q + " | stats count(), dc(eventName) by userIdentity.userName", "now-7d");
        assertThat(stats).contains("data-testid=\"pipe-table\"")
                .contains("<th scope=\"col\" data-col=\"userIdentity.userName\">userIdentity.userName</th>")
                .contains(cells("bob", "40", "2")).contains(cells("alice", "20", "2"))
                .doesNotContain("class=\"result-row\"");
        String top = page(q + " | top 1 eventName", "now-7d");
        assertThat(top).contains(cells("GetUser", "30", "50.0")).doesNotContain(cells("ListUsers"));
        String chart = page(q + " | timechart span=1h count() by eventName", "now-24h");
        assertThat(chart).contains("id=\"pipe-chart-data\"").contains("\"kind\":\"line\"");
        assertThat(page(q + " | stats median(x)", "now-24h")).contains("data-testid=\"search-problem\"")
                .contains("unknown function &#39;median&#39;").contains("<mark>");
    }

    @Test
    void fieldNamesForCompletionComeFromTheMappings() {
        ingest(1);
        // the names are kept a few seconds: a new kind of event's fields show soon after it arrives
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.of("analyst"))
                .accept("application/json").get("/search/fields").then().statusCode(200)
                .body("contains('eventName')", is(true)).body("contains('event')", is(false)));
    }

    @Test
    void onlyUsersWhoMayReadEventsSearch() {
        given().auth().oauth2(Tokens.of("manager")).accept("text/html").get("/search").then().statusCode(403);
        given().auth().oauth2(Tokens.of("manager")).get("/search/event?index=vigil-events-x-2026.11.21&id=1").then()
                .statusCode(403);
    }

    /** A pipe table's cells as the page writes them (each value in a span that ends long ones in "…"). */
    private static String cells(String... values) {
        StringBuilder row = new StringBuilder();
        for (String value : values) {
            row.append("<td><span class=\"cell\">").append(value).append("</span></td>");
        }
        return row.toString();
    }
}
