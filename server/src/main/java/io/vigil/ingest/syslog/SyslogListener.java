package io.vigil.ingest.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.source.SourceService;

/**
 * Receives syslog over UDP (one message per datagram, RFC 5426) and TCP (RFC 6587 framing) and hands
 * the messages to a {@link SyslogBatcher}. Plain blocking sockets: one platform thread reads UDP,
 * one accepts TCP connections, and each connection is read by a virtual thread, so a slow store
 * simply stops the reads (TCP back-pressure) instead of buffering without bound.
 */
@Singleton
public class SyslogListener {

    private static final Logger LOG = Logger.getLogger(SyslogListener.class);
    /** Larger than any UDP datagram (65,507 bytes), so the OS never cuts one silently. */
    private static final int DATAGRAM_BUFFER = 65_536;

    private final SyslogConfig config;
    private final SyslogBatcher batcher;
    private final Counter received;
    private final Counter dropped;
    /** Makes every arrival a distinct event, even when the same text arrives twice. */
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();
    private final SenderNetworks allowed;
    private final SyslogConnections connections;
    private final Counter notAllowed;
    private volatile DatagramChannel udp;
    private volatile ServerSocket tcp;
    private volatile boolean running;
    private Thread batching;

    SyslogListener(SyslogConfig config, IngestService ingest, SourceService sources, MeterRegistry meters) {
        this.config = config;
        this.batcher = new SyslogBatcher(config, ingest, sources);
        this.received = meters.counter("vigil.syslog.received");
        this.dropped = meters.counter("vigil.syslog.dropped", "reason", "udp queue full");
        this.notAllowed = meters.counter("vigil.syslog.dropped", "reason", "sender not allowed");
        this.allowed = SenderNetworks.of(config.allowedSenders().orElse(List.of()));
        this.connections = new SyslogConnections(config, allowed, meters, System::nanoTime);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        batching = Thread.ofPlatform().daemon().name("syslog-batcher").start(batcher::run);
        try {
            if (config.udpPort() >= 0) {
                udp = DatagramChannel.open().bind(new InetSocketAddress(config.host(), config.udpPort()));
                Thread.ofPlatform().daemon().name("syslog-udp").start(this::readDatagrams);
            }
            if (config.tcpPort() >= 0) {
                tcp = new ServerSocket();
                tcp.bind(new InetSocketAddress(config.host(), config.tcpPort()), 128);
                Thread.ofPlatform().daemon().name("syslog-tcp").start(this::acceptConnections);
                Thread.ofPlatform().daemon().name("syslog-tcp-sweeper").start(this::sweepConnections);
            }
            if (!allowed.everyone()) {
                LOG.infof("syslog: taking messages only from %s", config.allowedSenders().orElse(List.of()));
            }
            LOG.infof("syslog: listening on %s udp %s, tcp %s for source '%s'", config.host(), describe(udpPort()),
                    describe(tcpPort()), config.source());
        } catch (IOException e) {
            // The console and HTTP intake stay useful without the syslog ports; say clearly why they are off.
            LOG.errorf("syslog: cannot listen on %s udp %d / tcp %d (%s); syslog intake is off. Set "
                    + "vigil.syslog.udp-port / tcp-port (VIGIL_SYSLOG_UDP_PORT / VIGIL_SYSLOG_TCP_PORT) to a free port",
                    config.host(), config.udpPort(), config.tcpPort(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly(udp);
        closeQuietly(tcp);
        connections.closeAll();
        batcher.stop();
        try {
            // What was received is written before the server goes (the store is still there).
            batching.join(java.time.Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (batcher.queued() > 0) {
            LOG.warnf("syslog: %d received messages could not be written before shutdown", batcher.queued());
        }
    }

    /** The bound UDP port, or -1 when UDP is off. */
    public int udpPort() {
        DatagramChannel channel = udp;
        return channel == null ? -1 : channel.socket().getLocalPort();
    }

    /** The bound TCP port, or -1 when TCP is off. */
    public int tcpPort() {
        ServerSocket socket = tcp;
        return socket == null ? -1 : socket.getLocalPort();
    }

    private void readDatagrams() {
        ByteBuffer buffer = ByteBuffer.allocate(DATAGRAM_BUFFER);
        while (running) {
            try {
                buffer.clear();
                SocketAddress from = udp.receive(buffer);
                if (from instanceof InetSocketAddress sender && !allowed.allows(sender.getAddress())) {
                    notAllowed.increment();
                    continue;
                }
                buffer.flip();
                byte[] bytes = Arrays.copyOf(buffer.array(), trimEnd(buffer.array(), buffer.limit()));
                if (bytes.length == 0) {
                    continue;
                }
                SyslogFraming.Frame frame = bytes.length > config.maxMessageSize()
                        ? new SyslogFraming.Oversized(Arrays.copyOf(bytes, SyslogFraming.HEAD_KEPT), bytes.length)
                        : new SyslogFraming.Message(bytes);
                received.increment();
                if (!batcher.offer(received("udp", from, frame))) {
                    dropped.increment();
                }
            } catch (IOException e) {
                if (running) {
                    LOG.warnf("syslog udp: %s", e.getMessage());
                }
            }
        }
    }

    private void acceptConnections() {
        while (running) {
            try {
                Socket socket = tcp.accept();
                connections.admit(socket).ifPresent(connection -> Thread.ofVirtual()
                        .name("syslog-tcp-" + socket.getRemoteSocketAddress()).start(() -> read(connection)));
            } catch (IOException e) {
                if (running) {
                    LOG.warnf("syslog tcp: %s", e.getMessage());
                }
            }
        }
    }

    private void sweepConnections() {
        while (running) {
            try {
                Thread.sleep(1000);
                connections.sweep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // even an OutOfMemoryError elsewhere must not end the guard of the listener
                LOG.warnf("syslog tcp: checking connections: %s", e);
            }
        }
    }

    private void read(SyslogConnections.Connection connection) {
        Socket socket = connection.socket;
        SocketAddress from = socket.getRemoteSocketAddress();
        var framing = new SyslogFraming(config.maxMessageSize());
        byte[] chunk = new byte[65_536];
        try (socket; InputStream in = socket.getInputStream()) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                framing.feed(chunk, 0, n, frame -> queue(from, frame));
                connections.received(connection, framing.pending());
            }
            framing.finish(frame -> queue(from, frame));
        } catch (IOException e) {
            framing.finish(frame -> queue(from, frame));
            if (running) {
                LOG.debugf("syslog tcp %s: %s", from, e.getMessage());
            }
        } finally {
            connections.closed(connection);
        }
    }

    private void queue(SocketAddress from, SyslogFraming.Frame frame) {
        received.increment();
        try {
            batcher.put(received("tcp", from, frame));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the syslog queue was full", e);
        }
    }

    private SyslogBatcher.Received received(String transport, SocketAddress from, SyslogFraming.Frame frame) {
        String peer = from instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() + ":" + address.getPort()
                : String.valueOf(from);
        return new SyslogBatcher.Received(transport, peer, instance + ':' + sequence.incrementAndGet(), frame);
    }

    /** A datagram often ends with a newline or NUL that is not part of the message. */
    private static int trimEnd(byte[] bytes, int length) {
        int end = length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == 0)) {
            end--;
        }
        return end;
    }

    private static String describe(int port) {
        return port < 0 ? "off" : Integer.toString(port);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf("syslog: closing %s: %s", closeable, e.getMessage());
            }
        }
    }
}
