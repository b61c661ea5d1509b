package io.vigil.detect.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.TestSources;
import io.vigil.testing.Tokens;

/**
 * The built-in correlation pack ({@code vigil-correlations}) on data shaped as real hosts and AWS send
 * it: each scenario raises its alert, for the address or identity of the scenario.
 */
@QuarkusTest
class CorrelationPackTest {

    private static final String BRUTE_FORCE = "b384e0e9-cc4d-4569-b436-b76013a70694";
    private static final String SPRAYING = "ac621a33-959e-44f5-9f7b-556e0d3f358b";
    private static final String BRUTE_FORCE_SUCCESS = "4c824ede-c44d-4cc9-b3de-f760a4d74030";
    private static final String CONSOLE_FAILURES = "97a4a269-17e1-41ec-bf00-218536eed791";
    private static final String CONSOLE_FAILURES_SUCCESS = "d6580c6a-c0a0-4a17-8e0a-2d1da4f883e5";
    private static final String KEY_THEN_OPEN_GROUP = "3a5ab42b-df40-4ecc-ae5c-a3f7ea03d156";
    private static final String DENIED_BURST = "fa6d060e-8565-4c86-ab70-9fb6300a5469";
    private static final String TRAIL_STOPPED = "55cb4670-c768-4c52-9b72-f913f7909017";
    private static final String PORT_SCAN = "cb38c8fb-9a81-467b-ad6a-6ad97d13b5e3";
    private static final String SPIKE = "4252dfdf-2f95-4b2d-a043-41ae6e02be3c";

    private final Random random = new Random();

    /** An address of this run (the database keeps other runs' alerts). */
    private String address() {
        return "100." + (64 + random.nextInt(64)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    @BeforeEach
    void packLoaded() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.of("engineer"))
                .get("/api/rules/" + BRUTE_FORCE_SUCCESS).statusCode() == 200);
    }

    private static List<Map<String, Object>> alerts(String rule, String groupValue) {
        List<Map<String, Object>> all = given().auth().oauth2(Tokens.of("analyst")).get("/api/alerts?rule=" + rule)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(a -> ((Map<?, ?>) a.get("group")).containsValue(groupValue)).toList();
    }

    private static void awaitAlert(String rule, String groupValue) {
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts(rule, groupValue).size() == 1);
    }

    private static String syslog(Instant at, String message) {
        return "<38>1 " + at.truncatedTo(ChronoUnit.SECONDS) + " web-01 sshd 31000 - - " + message + "\n";
    }

    @Test
    void sshBruteForceSprayingAndTheSuccessAfter() {
        String attacker = address();
        String source = TestSources.create("t-pack-ssh-", "syslog", 30);
        Instant start = Instant.now().minusSeconds(120);
        String[] users = {"admin", "oracle", "test", "ubuntu", "postgres", "git"};
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            lines.append(syslog(start.plusSeconds(i * 3L), "Failed password for invalid user " + users[i % 6]
                    + " from " + attacker + " port " + (50_000 + i) + " ssh2"));
        }
        lines.append(syslog(start.plusSeconds(60), "Accepted password for git from " + attacker
                + " port 50100 ssh2"));
        TestSources.ingest(source, lines.toString());
        awaitAlert(BRUTE_FORCE, attacker);
        awaitAlert(SPRAYING, attacker);
        awaitAlert(BRUTE_FORCE_SUCCESS, attacker);
        Map<String, Object> chained = alerts(BRUTE_FORCE_SUCCESS, attacker).get(0);
        assertThat(chained.get("rule")).isEqualTo(Map.of("id", BRUTE_FORCE_SUCCESS, "title",
                "SSH login after a brute force from the same address", "level", "critical", "version", 1, "kind",
                "temporal_ordered"));
        assertThat(alerts(BRUTE_FORCE, attacker).get(0)).containsEntry("events", 12);
    }

    private static String cloudTrail(Instant at, String call, String arn, String ip, String extra) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + at.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"" + call + "\",\"awsRegion\":\"eu-west-1\","
                + "\"sourceIPAddress\":\"" + ip + "\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"" + arn
                + "\",\"userName\":\"" + arn.substring(arn.lastIndexOf('/') + 1) + "\"},\"eventID\":\""
                + UUID.randomUUID() + "\",\"recipientAccountId\":\"111122223333\"" + extra + "}\n";
    }

    @Test
    void awsScenarios() {
        String source = TestSources.create("t-pack-aws-", "cloudtrail", 30);
        String ip = address();
        String arn = "arn:aws:iam::111122223333:user/intruder-" + UUID.randomUUID().toString().substring(0, 8);
        String prober = "arn:aws:iam::111122223333:user/prober-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().minusSeconds(300);
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            records.append(cloudTrail(t.plusSeconds(i * 5L), "ConsoleLogin", arn, ip,
                    ",\"responseElements\":{\"ConsoleLogin\":\"Failure\"}"));
        }
        records.append(cloudTrail(t.plusSeconds(20), "ConsoleLogin", arn, ip,
                ",\"responseElements\":{\"ConsoleLogin\":\"Success\"}"));
        records.append(cloudTrail(t.plusSeconds(40), "CreateAccessKey", arn, ip, ""));
        records.append(cloudTrail(t.plusSeconds(60), "AuthorizeSecurityGroupIngress", arn, ip,
                ",\"requestParameters\":{\"groupId\":\"sg-1\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\","
                        + "\"fromPort\":22,\"toPort\":22,\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}}]}}"));
        records.append(cloudTrail(t.plusSeconds(80), "StopLogging", arn, ip, ""));
        for (int i = 0; i < 20; i++) {
            records.append(cloudTrail(t.plusSeconds(100 + i), "ListBuckets", prober, ip,
                    ",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"Access Denied\""));
        }
        TestSources.ingest(source, records.toString());
        awaitAlert(CONSOLE_FAILURES, ip);
        awaitAlert(CONSOLE_FAILURES_SUCCESS, ip);
        awaitAlert(KEY_THEN_OPEN_GROUP, arn);
        awaitAlert(TRAIL_STOPPED, arn);
        awaitAlert(DENIED_BURST, prober);
    }

    @Test
    void portScanAndTrafficSpikeInFlowLogs() {
        String source = TestSources.create("t-pack-flow-", "vpcflow", 30);
        String scanner = address();
        String mover = address();
        long start = Instant.now().minusSeconds(120).getEpochSecond();
        StringBuilder flows = new StringBuilder("version account-id interface-id srcaddr dstaddr srcport dstport"
                + " protocol packets bytes start end action log-status\n");
        for (int port = 1; port <= 30; port++) {
            flows.append("2 111122223333 eni-1 ").append(scanner).append(" 10.0.1.10 40000 ").append(port)
                    .append(" 6 1 44 ").append(start + port).append(' ').append(start + port + 1)
                    .append(" REJECT OK\n");
        }
        for (int i = 0; i < 3; i++) {
            flows.append("2 111122223333 eni-1 ").append(mover).append(" 10.0.1.11 40000 443 6 100000 200000000 ")
                    .append(start + i * 10).append(' ').append(start + i * 10 + 5).append(" ACCEPT OK\n");
        }
        TestSources.ingest(source, flows.toString());
        awaitAlert(PORT_SCAN, scanner);
        awaitAlert(SPIKE, mover);
        assertThat(alerts(PORT_SCAN, mover)).isEmpty();
    }
}
