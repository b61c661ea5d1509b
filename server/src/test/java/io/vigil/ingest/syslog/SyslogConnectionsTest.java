package io.vigil.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Admission and sweeping of syslog TCP connections, on real loopback sockets and a clock the test turns. */
class SyslogConnectionsTest {

    private final AtomicLong now = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Socket> sockets = new ArrayList<>();
    private ServerSocket server;

    private SyslogConnections connections(int max, int perSender, String... allowed) throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        return new SyslogConnections(config(max, perSender), SenderNetworks.of(List.of(allowed)), meters, now::get);
    }

    /** A connection from {@code 127.0.0.<host>}, as the listener accepts it. */
    private Socket accepted(int host) throws IOException {
        Socket client = new Socket();
        client.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + host), 0));
        client.connect(server.getLocalSocketAddress());
        sockets.add(client);
        Socket accepted = server.accept();
        sockets.add(accepted);
        return accepted;
    }

    @AfterEach
    void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        server.close();
    }

    @Test
    void aSenderGetsItsLimitAndNoMore() throws IOException {
        var connections = connections(10, 2);
        assertThat(connections.admit(accepted(2))).isPresent();
        assertThat(connections.admit(accepted(2))).isPresent();
        assertThat(connections.admit(accepted(2))).isEmpty();
        assertThat(connections.admit(accepted(3))).isPresent();
        assertThat(meters.counter("vigil.syslog.tcp.refused", "reason", "sender limit").count()).isEqualTo(1);
    }

    @Test
    void whenFullTheConnectionIdleLongestMakesRoomButBusyOnesDoNot() throws IOException {
        var connections = connections(2, 10);
        var first = connections.admit(accepted(2)).orElseThrow();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        var second = connections.admit(accepted(3)).orElseThrow();
        connections.received(second, false);
        now.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(connections.admit(accepted(4))).isPresent();
        assertThat(first.socket.isClosed()).as("the idlest one is closed").isTrue();
        assertThat(second.socket.isClosed()).isFalse();

        // the two left are mid-message or have just sent: nobody to evict
        connections.received(second, true);
        assertThat(connections.admit(accepted(5))).isEmpty();
        assertThat(meters.counter("vigil.syslog.tcp.refused", "reason", "connection limit").count()).isEqualTo(1);
    }

    @Test
    void theSweepClosesIdleAndDrippingConnections() throws IOException {
        var connections = connections(10, 10);
        var quiet = connections.admit(accepted(2)).orElseThrow();
        var dripping = connections.admit(accepted(3)).orElseThrow();
        var talking = connections.admit(accepted(4)).orElseThrow();
        connections.received(dripping, true);
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        connections.received(dripping, true);
        connections.received(talking, false);
        connections.sweep();
        assertThat(dripping.socket.isClosed()).as("a message begun 31 s ago is not done").isTrue();
        assertThat(quiet.socket.isClosed()).isFalse();

        now.addAndGet(Duration.ofMinutes(5).toNanos());
        connections.received(talking, false);
        connections.sweep();
        assertThat(quiet.socket.isClosed()).as("idle for 5 minutes").isTrue();
        assertThat(talking.socket.isClosed()).isFalse();
        assertThat(connections.size()).isEqualTo(1);
    }

    @Test
    void onlyAllowedNetworksGetIn() throws IOException {
        var connections = connections(10, 10, "127.0.0.2", "127.0.1.0/24");
        assertThat(connections.admit(accepted(2))).isPresent();
        assertThat(connections.admit(accepted(3))).isEmpty();
        assertThat(meters.counter("vigil.syslog.tcp.refused", "reason", "sender not allowed").count()).isEqualTo(1);
        assertThatThrownBy(() -> SenderNetworks.of(List.of("10.0.0.0/33x"))).hasMessageContaining("10.0.0.0/33x");
    }

    private static SyslogConfig config(int max, int perSender) {
        return new SyslogConfig() {

            public String host() {
                return "127.0.0.1";
            }

            public int udpPort() {
                return -1;
            }

            public int tcpPort() {
                return 0;
            }

            public String source() {
                return "syslog";
            }

            public int maxMessageSize() {
                return 16384;
            }

            public int maxConnections() {
                return max;
            }

            public int maxConnectionsPerSender() {
                return perSender;
            }

            public Duration tcpIdleTimeout() {
                return Duration.ofMinutes(5);
            }

            public Duration tcpMessageTimeout() {
                return Duration.ofSeconds(30);
            }

            public Optional<List<String>> allowedSenders() {
                return Optional.empty();
            }

            public int batchSize() {
                return 100;
            }

            public Duration flushInterval() {
                return Duration.ofMillis(100);
            }

            public int queueSize() {
                return 100;
            }
        };
    }
}
