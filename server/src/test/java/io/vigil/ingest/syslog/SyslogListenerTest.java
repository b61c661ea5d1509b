package io.vigil.ingest.syslog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.TestStack;
import io.vigil.testing.Tokens;

/** The syslog listener end to end: real UDP and TCP sockets, events and dead letters in the real OpenSearch. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyslogListenerTest {

    /** The source the test profile routes the listener to (%test.vigil.syslog.source). */
    private static final String SOURCE = "t-syslog-listener";

    @Inject
    SyslogListener listener;

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    @Order(1)
    void udpAndTcpMessagesBecomeEventsAndBadOnesDeadLetters() throws IOException {
        udp("<34>Nov 21 10:00:00 gate sshd[1]: before the source exists");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters("no source named") == 1);
        assertThat(deadLetterReason("no source named")).contains("'" + SOURCE + "'", "Sources page");

        given().auth().oauth2(Tokens.of("admin")).contentType("application/json")
                .body(Map.of("name", SOURCE, "type", "syslog", "scope", "test", "retentionDays", 7))
                .post("/api/admin/sources").then().statusCode(201);

        udp("<38>Nov 21 10:00:01 gate sshd[7]: Failed password for root from 192.0.2.9 port 4242 ssh2\n");
        udp("<38>Nov 21 10:00:01 gate sshd[7]: Failed password for root from 192.0.2.9 port 4242 ssh2\n");
        udp("<13>Nov 21 10:00:02 gate big: " + "x".repeat(20_000));
        udp("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 \u000e\u000f");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.tcpPort());
                OutputStream out = socket.getOutputStream()) {
            String counted = "<86>1 2026-11-21T10:00:03Z gate sudo - - - multi\nline message";
            out.write(("<38>Nov 21 10:00:03 gate sshd[8]: newline framed\n" + counted.getBytes(
                    StandardCharsets.UTF_8).length + " " + counted
                    + "<38>Nov 21 10:00:04 gate app: last without newline")
                    .getBytes(StandardCharsets.UTF_8));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> events() == 5);
        // The same text twice over UDP is two arrivals, so two events.
        assertThat(events("{\"term\":{\"process.pid\":7}}")).isEqualTo(2);
        assertThat(events("{\"term\":{\"log.syslog.format\":\"rfc5424\"}}")).isEqualTo(1);
        assertThat(events("{\"prefix\":{\"log.source.address\":\"127.0.0.1:\"}}")).isEqualTo(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters("longer than the limit") == 1
                && deadLetters("not a syslog message") == 1);
        assertThat(deadLetterReason("longer than the limit")).contains("20030 bytes");
    }

    @Test
    @Order(2)
    void idleConnectionsFillingTheListenerDoNotLockOutASenderAndADripIsClosed() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            // six senders open 20 connections each and say nothing: 100 fit (the test's limit), and the
            // 21st of each sender is refused by the limit per sender
            for (int host = 10; host < 16; host++) {
                for (int i = 0; i < 21; i++) {
                    Socket socket = new Socket();
                    socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + host), 0));
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.tcpPort()));
                    idle.add(socket);
                }
            }
            Thread.sleep(1500);
            String marker = "legit-" + java.util.UUID.randomUUID();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.tcpPort());
                    OutputStream out = socket.getOutputStream()) {
                out.write(("<38>Nov 21 10:00:05 gate app: " + marker + "\n").getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> events("{\"match_phrase\":{\"message\":\"" + marker + "\"}}") == 1);

            // a sender that begins a message and drips it is closed after the message timeout (2 s here)
            try (Socket drip = new Socket(InetAddress.getLoopbackAddress(), listener.tcpPort())) {
                drip.setSoTimeout(15_000);
                drip.getOutputStream().write("<38>Nov 21 10:00:06 gate app: dri".getBytes(StandardCharsets.UTF_8));
                boolean closed = false;
                for (int i = 0; i < 20 && !closed; i++) {
                    Thread.sleep(500);
                    closed = closedByPeer(drip);
                }
                assertThat(closed).as("the dripping connection is closed").isTrue();
            }

            String metrics = given().port(managementPort).get("/q/metrics").asString();
            assertThat(metrics).contains("vigil_syslog_tcp_refused_total{reason=\"sender limit\"}")
                    .contains("vigil_syslog_tcp_closed_total{reason=\"evicted for a new sender\"}")
                    .contains("vigil_syslog_tcp_closed_total{reason=\"slow message\"} 1.0")
                    .contains("vigil_syslog_tcp_connections");
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    /** Whether the other side has closed: a write then fails (the one after its reset, at the latest). */
    private static boolean closedByPeer(Socket socket) {
        try {
            socket.getOutputStream().write('.');
            socket.getOutputStream().flush();
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void udp(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try (var socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), listener.udpPort()));
        }
    }

    private static long events() {
        return events("{\"match_all\":{}}");
    }

    private static long events(String query) {
        String base = TestStack.get().openSearch().url();
        String index = "/vigil-events-" + SOURCE + "-*";
        given().baseUri(base).post(index + "/_refresh?ignore_unavailable=true");
        var response = given().baseUri(base).contentType("application/json").body("{\"query\":" + query + "}")
                .post(index + "/_count?ignore_unavailable=true&allow_no_indices=true");
        // a daily index created a moment ago may have no active shard yet (503): not counted yet
        return response.statusCode() == 200 ? response.jsonPath().getLong("count") : -1;
    }

    private static String deadLetterQuery(String reasonOrRaw) {
        return "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"vigil.source\":\"" + SOURCE + "\"}},"
                + "{\"multi_match\":{\"query\":\"" + reasonOrRaw
                + "\",\"fields\":[\"reason\"],\"type\":\"phrase\"}}]}}}";
    }

    private static long deadLetters(String reasonPhrase) {
        String base = TestStack.get().openSearch().url();
        given().baseUri(base).post("/vigil-deadletters-*/_refresh?ignore_unavailable=true");
        var response = given().baseUri(base).contentType("application/json").body(deadLetterQuery(reasonPhrase))
                .post("/vigil-deadletters-*/_count?ignore_unavailable=true&allow_no_indices=true");
        return response.statusCode() == 200 ? response.jsonPath().getLong("count") : -1;
    }

    private static String deadLetterReason(String reasonPhrase) {
        String base = TestStack.get().openSearch().url();
        return given().baseUri(base).contentType("application/json").body(deadLetterQuery(reasonPhrase))
                .post("/vigil-deadletters-*/_search").then().statusCode(200).extract().jsonPath()
                .getString("hits.hits[0]._source.reason");
    }
}
