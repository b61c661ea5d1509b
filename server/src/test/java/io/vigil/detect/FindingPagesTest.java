package io.vigil.detect;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.TestRules;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/** The findings list: filters, a page at a time with the total, counts per rule, one row per rule and key. */
@QuarkusTest
class FindingPagesTest {

    private static final Pattern ROW = Pattern.compile("<tr[ >]");
    private static final Pattern OLDER = Pattern.compile("href=\"([^\"]+)\" rel=\"next\" data-testid=\"older\"");
    private static final Pattern FINDING = Pattern.compile("hx-get=\"(/alerts/findings/[^\"]+)\"");

    private static String record(String agent, String user, Instant time) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + time.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"awsRegion\":\"eu-west-1\","
                + "\"sourceIPAddress\":\"198.51.100.77\",\"userAgent\":\"" + agent + "\",\"userIdentity\":{\"type\":"
                + "\"IAMUser\",\"userName\":\"" + user + "\"},\"eventID\":\"" + UUID.randomUUID()
                + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    private static String page(String query) {
        return given().auth().oauth2(Tokens.of("analyst")).get("/alerts/findings?" + query).then().statusCode(200)
                .extract().asString();
    }

    /** The page's count of findings, or what it said instead (an error, or no count at all). */
    private static String total(String html) {
        Matcher total = Pattern.compile("data-testid=\"findings-total\">([0-9,]+)<").matcher(html);
        if (total.find()) {
            return total.group(1);
        }
        Matcher problem = Pattern.compile("role=\"alert\"[^>]*>([^<]*)<").matcher(html);
        return problem.find() ? "an error: " + problem.group(1) : "no count on the page";
    }

    /** The page from the findings table on (the rules among them come before it). */
    private static String listed(String html) {
        return html.substring(html.indexOf("data-testid=\"findings\""));
    }

    private static int rows(String html, String table) {
        int start = html.indexOf("data-testid=\"" + table + "\"");
        if (start < 0) {
            return 0;
        }
        String body = html.substring(html.indexOf("<tbody>", start), html.indexOf("</table>", start));
        Matcher rows = ROW.matcher(body);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        return count;
    }

    @Test
    void findingsArePagedCountedPerRuleAndFoldedByKey() {
        String agent = "paged-" + UUID.randomUUID();
        String ruleId = TestRules.createUserBy(agent, "Users created by a paged client", "medium", "t-paged");
        String source = TestSources.create("t-fpages-", "cloudtrail", 30);
        Instant now = Instant.now().minus(Duration.ofMinutes(5));
        // one batch of 51 users: 51 findings (one per user); then a second batch for the first user
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            batch.append(record(agent, "user" + i, now.minusSeconds(i))).append('\n');
        }
        TestSources.ingest(source, batch.toString());
        TestSources.ingest(source, record(agent, "user0", now.plusSeconds(1)));

        String byRule = "rule=" + ruleId;
        await().atMost(Duration.ofSeconds(20)).until(() -> page(byRule).contains(
                "<span data-testid=\"findings-total\">52</span>"));
        String first = page(byRule);
        assertThat(rows(first, "findings")).isEqualTo(50);
        assertThat(first).contains("1–50, newest event first").contains("data-testid=\"older\"");
        assertThat(rows(first, "rule-counts")).isEqualTo(1);
        assertThat(first).contains("Users created by a paged client</a></span></td>\n        <td class=\"num\">52</td>"
                + "<td class=\"num\">52</td>");

        // the flyout of a finding links its events; a manager reads findings but not events: no link that
        // would end on a 403 page
        Matcher finding = FINDING.matcher(first);
        assertThat(finding.find()).isTrue();
        String flyout = given().auth().oauth2(Tokens.of("analyst")).get(finding.group(1)).then().statusCode(200)
                .extract().asString();
        assertThat(flyout).contains("Users created by a paged client", "href=\"/search?", "T1136.003");
        String managers = given().auth().oauth2(Tokens.of("manager")).get(finding.group(1)).then().statusCode(200)
                .extract().asString();
        assertThat(managers).contains("Users created by a paged client").doesNotContain("href=\"/search?");
        assertThat(given().auth().oauth2(Tokens.of("manager")).get("/alerts/findings?" + byRule).then()
                .statusCode(200).extract().asString()).doesNotContain("href=\"/search?");

        // the next page follows the last finding's place (search_after), not an offset capped at 10,000
        Matcher older = OLDER.matcher(first);
        assertThat(older.find()).isTrue();
        String second = given().auth().oauth2(Tokens.of("analyst")).get(older.group(1).replace("&amp;", "&")).then()
                .statusCode(200).extract().asString();
        assertThat(rows(second, "findings")).isEqualTo(2);
        assertThat(second).contains("51–52").doesNotContain("data-testid=\"older\"")
                .contains("data-testid=\"newest\"");
        assertThat(page(byRule + "&after=bm9uc2Vuc2U")).contains("after: not a place in this list");

        String byAddress = page(byRule + "&group=source.ip");
        assertThat(rows(byAddress, "finding-groups")).as("one attacker, one row").isEqualTo(1);
        assertThat(byAddress)
                .contains("198.51.100.77</span></td>\n        <td class=\"num\">52</td><td class=\"num\">52</td>");
        assertThat(rows(page(byRule + "&group=user.name"), "finding-groups")).isEqualTo(51);

        String elsewhere = page(byRule + "&source=t-nowhere");
        assertThat(elsewhere).contains("<span data-testid=\"findings-total\">0</span>");
        assertThat(page(byRule + "&group=nonsense")).contains("group: one of source.ip");
        assertThat(page(byRule + "&from=now-1m")).as("events 5 minutes old, outside the range")
                .contains("<span data-testid=\"findings-total\">0</span>");
    }

    @Test
    void findingsCanBeOrderedByWhenTheyWereFound() {
        String agent = "found-" + UUID.randomUUID();
        String ruleId = TestRules.createUserBy(agent, "Users created by a late client", "low", "t-found");
        String source = TestSources.create("t-ffound-", "cloudtrail", 30);
        Instant now = Instant.now();
        // found first: an event of a minute ago; found second: a late event of an hour ago (a back-fill)
        TestSources.ingest(source, record(agent, "recent", now.minus(Duration.ofMinutes(1))));
        TestSources.ingest(source, record(agent, "late", now.minus(Duration.ofHours(1))));

        String byRule = "rule=" + ruleId;
        await().atMost(Duration.ofSeconds(20)).until(() -> page(byRule).contains(
                "<span data-testid=\"findings-total\">2</span>"));
        String byEvent = page(byRule);
        assertThat(byEvent.indexOf("user.name recent")).isLessThan(byEvent.indexOf("user.name late"));
        String byFound = page(byRule + "&sort=found");
        assertThat(byFound).contains("newest found first");
        assertThat(byFound.indexOf("user.name late")).as("the back-fill was found last")
                .isLessThan(byFound.indexOf("user.name recent"));
    }

    @Test
    void findingsSortOnTheServerByLevelSourceAndEvents() {
        String agent = "levels-" + UUID.randomUUID();
        // a call no built-in rule knows (with the built-in packs loaded, CreateUser finds more than these)
        String call = "VigilTestCall";
        String low = TestRules.callBy(call, agent, "Test calls, low", "low", "attack.persistence", "t-levels");
        String critical = TestRules.callBy(call, agent, "Test calls, critical", "critical", "attack.t1136.003",
                "t-levels");
        String source = TestSources.create("t-flevels-", "cloudtrail", 30);
        TestSources.ingest(source, record(agent, "one", Instant.now().minus(Duration.ofMinutes(2)))
                .replace("CreateUser", call) + "\n"
                + record(agent, "two", Instant.now().minus(Duration.ofMinutes(1))).replace("CreateUser", call));
        // each rule found both events (the failure names what the page said), then the source holds all four
        for (String rule : List.of(low, critical)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(total(page("rule=" + rule)))
                    .as("findings of rule %s", rule).isEqualTo("2"));
        }
        String bySource = "source=" + source.split(" ")[0];
        assertThat(total(page(bySource))).isEqualTo("4");
        assertThat(page(bySource + "&sort=level")).contains("most severe first");
        String severe = listed(page(bySource + "&sort=level"));
        assertThat(severe).contains("aria-sort=\"descending\"");
        assertThat(severe.indexOf("level-critical\">critical")).isLessThan(severe.indexOf("level-low\">low"));
        assertThat(page(bySource + "&sort=level&dir=asc")).contains("least severe first");
        String mild = listed(page(bySource + "&sort=level&dir=asc"));
        assertThat(mild).contains("aria-sort=\"ascending\"");
        assertThat(mild.indexOf("level-low\">low")).isLessThan(mild.indexOf("level-critical\">critical"));
        assertThat(page(bySource + "&sort=events")).contains("most events first");
        assertThat(page(bySource + "&sort=nonsense")).contains("newest event first");
    }
}
