package io.vigil.detect.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigil.testing.TestRules;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;
import io.vigil.testing.WebhookReceiver;

/**
 * Notifications on the real stack: alerts of a pack go to a local webhook receiver, a Slack-compatible
 * one and GreenMail's SMTP server; a broken receiver is retried and then shown to admins as failed; a
 * throttled channel sends what waited in one message; secrets never come back out.
 */
@QuarkusTest
class NotificationsTest {

    private static WebhookReceiver receiver;
    private static GreenMail mail;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        mail.stop();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.of("admin")).contentType("application/json");
    }

    private static String channel(Map<String, Object> body) {
        return admin().body(body).post("/api/notifications/channels").then().statusCode(201).extract().path("id");
    }

    private static String record(String agent, String user, String ip) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutBucketPolicy\",\"awsRegion\":"
                + "\"eu-west-1\",\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"" + agent + "\",\"userIdentity\":"
                + "{\"type\":\"IAMUser\",\"userName\":\"" + user + "\"},\"eventID\":\"" + UUID.randomUUID()
                + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    /** The part of a multipart mail with this content type, decoded. */
    private static String part(jakarta.mail.internet.MimeMessage message, String type) throws Exception {
        var parts = (jakarta.mail.Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.isMimeType("multipart/*")) {
                var inner = (jakarta.mail.Multipart) part.getContent();
                for (int j = 0; j < inner.getCount(); j++) {
                    if (inner.getBodyPart(j).isMimeType(type)) {
                        return inner.getBodyPart(j).getContent().toString();
                    }
                }
            } else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void newAlertsGoToWebhookSlackAndEmailWhileSecretsStayInside() throws Exception {
        String pack = "t-notify-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = "notify-" + UUID.randomUUID();
        String rule = TestRules.callBy("PutBucketPolicy", agent, "Bucket policy changed", "high", "attack.t1530", pack);
        String token = "secret-" + UUID.randomUUID();
        String webhook = channel(Map.of("name", pack + " hook", "kind", "webhook", "url",
                receiver.url("/hook/" + token), "packs", List.of(pack)));
        channel(Map.of("name", pack + " slack", "kind", "slack", "url", receiver.url("/slack/" + pack), "packs",
                List.of(pack), "minLevel", "high"));
        channel(Map.of("name", pack + " low-only", "kind", "webhook", "url", receiver.url("/critical/" + pack),
                "packs", List.of(pack), "minLevel", "critical"));
        String email = channel(Map.of("name", pack + " mail", "kind", "email", "recipients", List.of("soc@example.com"),
                "sender", "vigil@example.com", "packs", List.of(pack), "smtp", Map.of("host", "127.0.0.1", "port",
                        mail.getSmtp().getPort(), "tls", "none", "user", "vigil", "password", "hunter2-" + token)));
        mail.setUser("vigil", "hunter2-" + token);

        String source = TestSources.create("t-notify-", "cloudtrail", 30);
        TestSources.ingest(source, record(agent, "<!channel> & <b>mallory</b>", "198.51.100.77"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies("/hook/" + token).size() == 1
                && receiver.bodies("/slack/" + pack).size() == 1 && mail.getReceivedMessages().length >= 1);
        JsonPath hook = JsonPath.from(receiver.bodies("/hook/" + token).get(0));
        assertThat(hook.getBoolean("test")).isFalse();
        assertThat(hook.getString("alerts[0].rule.id")).isEqualTo(rule);
        assertThat(hook.getString("alerts[0].rule.kind")).isEqualTo("single");
        assertThat(hook.getString("alerts[0].group.'user.name'")).isEqualTo("<!channel> & <b>mallory</b>");
        assertThat(hook.getString("alerts[0].url")).endsWith("/alerts/" + hook.getString("alerts[0].id"));
        String slack = JsonPath.from(receiver.bodies("/slack/" + pack).get(0)).getString("text");
        assertThat(slack).contains("Bucket policy changed").contains("&lt;!channel&gt; &amp; &lt;b&gt;mallory")
                .doesNotContain("<!channel>");
        assertThat(receiver.bodies("/critical/" + pack)).as("below the channel's level").isEmpty();
        var message = mail.getReceivedMessages()[0];
        assertThat(message.getSubject()).startsWith("[Vigil] high: Bucket policy changed");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("soc@example.com");
        assertThat(part(message, "text/html")).contains("&lt;b&gt;mallory&lt;/b&gt;").doesNotContain("<b>mallory");
        assertThat(part(message, "text/plain")).contains("/alerts/" + hook.getString("alerts[0].id"));

        // a repeat grows the open alert: no second message
        TestSources.ingest(source, record(agent, "<!channel> & <b>mallory</b>", "198.51.100.77"));
        Thread.sleep(3000);
        assertThat(receiver.bodies("/hook/" + token)).hasSize(1);

        // write-only secrets: neither the URL's token nor the SMTP password is ever answered
        String listed = admin().get("/api/notifications/channels").then().statusCode(200).extract().asString();
        assertThat(listed).doesNotContain(token).contains("http://127.0.0.1:");
        admin().get("/api/notifications/channels/" + email).then().statusCode(200)
                .body("smtp.passwordSet", is(true)).body("secretSet", is(true));
        // a change that leaves the secret out keeps it: the test message still reaches the same URL
        admin().body(Map.of("name", pack + " hook", "kind", "webhook", "packs", List.of(pack), "perMinute", 5))
                .put("/api/notifications/channels/" + webhook).then().statusCode(200).body("perMinute", is(5));
        admin().post("/api/notifications/channels/" + webhook + "/test").then().statusCode(200);
        assertThat(receiver.bodies("/hook/" + token)).hasSize(2);
        assertThat(JsonPath.from(receiver.bodies("/hook/" + token).get(1)).getBoolean("test")).isTrue();
    }

    @Test
    void aBrokenReceiverIsRetriedThenShownAsFailedWithItsError() {
        String pack = "t-notify-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = "notify-" + UUID.randomUUID();
        TestRules.callBy("PutBucketPolicy", agent, "Bucket policy changed", "high", "attack.t1530", pack);
        String broken = channel(
                Map.of("name", pack + " broken", "kind", "webhook", "url", receiver.url("/fail/" + pack),
                        "packs", List.of(pack)));
        String source = TestSources.create("t-notify-", "cloudtrail", 30);
        TestSources.ingest(source, record(agent, "mallory", "198.51.100.78"));

        // %test: 3 attempts, 200 ms then 400 ms apart
        await().atMost(Duration.ofSeconds(40)).until(() -> admin().get("/api/notifications/deliveries?state=failed"
                + "&channel=" + broken).then().statusCode(200).extract().jsonPath().getList("$").size() == 1);
        assertThat(receiver.bodies("/fail/" + pack)).hasSize(3);
        admin().get("/api/notifications/deliveries?state=failed&channel=" + broken).then()
                .body("[0].attempts", is(3)).body("[0].lastError", org.hamcrest.Matchers.startsWith("HTTP 500 from"));
        admin().get("/api/notifications/channels/" + broken).then().body("health.failed", is(1))
                .body("health.lastError", org.hamcrest.Matchers.containsString("receiver broken"));
        // admins see it on their page too
        String page = given().auth().oauth2(Tokens.of("admin")).get("/admin/notifications").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("failing").contains("Failed deliveries").contains("HTTP 500 from");

        admin().post("/api/notifications/channels/" + broken + "/retry").then().statusCode(200).body("retried", is(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.bodies("/fail/" + pack).size() >= 4);
    }

    @Test
    void aThrottledChannelSendsWhatWaitedInOneMessage() {
        String pack = "t-notify-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = "notify-" + UUID.randomUUID();
        TestRules.callBy("PutBucketPolicy", agent, "Bucket policy changed", "high", "attack.t1530", pack);
        channel(Map.of("name", pack + " slow", "kind", "webhook", "url", receiver.url("/slow/" + pack), "packs",
                List.of(pack), "perMinute", 1));
        String source = TestSources.create("t-notify-", "cloudtrail", 30);
        TestSources.ingest(source, record(agent, "a", "198.51.100.81"));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.bodies("/slow/" + pack).size() == 1);
        // two more alerts within the window (%test: 4 s) wait, then go out together
        TestSources.ingest(source, record(agent, "b", "198.51.100.82") + "\n" + record(agent, "c", "198.51.100.83"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies("/slow/" + pack).size() == 2);
        assertThat(JsonPath.from(receiver.bodies("/slow/" + pack).get(1)).getList("alerts")).hasSize(2);
    }

    @Test
    void badChannelsAreRefusedByFieldAndOnlyAdminsManageThem() {
        admin().body(Map.of("name", "x", "kind", "pager", "url", "ftp://example.com"))
                .post("/api/notifications/channels").then().statusCode(400)
                .body("problems", hasItem(org.hamcrest.Matchers.startsWith("kind: one of webhook, slack, email")));
        admin().body(Map.of("name", "x", "kind", "webhook", "url", "ftp://example.com", "minLevel", "urgent"))
                .post("/api/notifications/channels").then().statusCode(400)
                .body("problems", hasItem(org.hamcrest.Matchers.startsWith("url: an http:// or https:// address")))
                .body("problems", hasItem(org.hamcrest.Matchers.startsWith("minLevel: one of critical")));
        admin().body(Map.of("name", "x", "kind", "email", "recipients", List.of("not-an-address")))
                .post("/api/notifications/channels").then().statusCode(400)
                .body("problems", hasItem("recipients: not an email address: \"not-an-address\""))
                .body("problems", hasItem(org.hamcrest.Matchers.startsWith("smtp.host")));
        given().auth().oauth2(Tokens.of("analyst")).get("/api/notifications/channels").then().statusCode(403);
        given().auth().oauth2(Tokens.of("engineer")).get("/admin/notifications").then().statusCode(403);
    }
}
