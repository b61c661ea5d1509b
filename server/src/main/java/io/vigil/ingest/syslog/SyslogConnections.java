package io.vigil.ingest.syslog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The open syslog TCP connections, kept so that no sender can take the listener from the others:
 * only allowed networks get in, each sender address holds a bounded number of connections, a
 * connection that sends nothing for the idle timeout is closed, and so is one that begins a message
 * and does not finish it within the message timeout (a sender dripping a byte at a time). When every
 * connection slot is taken, the one idle the longest makes room for the newcomer, so idle
 * connections cannot lock a sender with something to say out. Counts are in metrics.
 */
final class SyslogConnections {

    /** One open connection, as its reader reports it. */
    static final class Connection {

        final Socket socket;
        final InetAddress sender;
        private volatile long lastData;
        /** When the incomplete message now pending began; -1 when none is. */
        private volatile long messageSince = -1;

        private Connection(Socket socket, InetAddress sender, long now) {
            this.socket = socket;
            this.sender = sender;
            this.lastData = now;
        }
    }

    private static final Logger LOG = Logger.getLogger(SyslogConnections.class);

    private final SyslogConfig config;
    private final SenderNetworks allowed;
    private final LongSupplier clock;
    private final MeterRegistry meters;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Integer> perSender = new ConcurrentHashMap<>();

    SyslogConnections(SyslogConfig config, SenderNetworks allowed, MeterRegistry meters, LongSupplier nanoClock) {
        this.config = config;
        this.allowed = allowed;
        this.meters = meters;
        this.clock = nanoClock;
        meters.gaugeCollectionSize("vigil.syslog.tcp.connections", java.util.List.of(), open);
    }

    /** Admits a new connection, or closes it and says why not (empty when admitted). */
    synchronized Optional<Connection> admit(Socket socket) {
        InetAddress sender = ((InetSocketAddress) socket.getRemoteSocketAddress()).getAddress();
        String refusal = null;
        if (!allowed.allows(sender)) {
            refusal = "sender not allowed";
        } else if (perSender.getOrDefault(sender, 0) >= config.maxConnectionsPerSender()) {
            refusal = "sender limit";
        } else if (open.size() >= config.maxConnections() && !evictIdlest()) {
            refusal = "connection limit";
        }
        if (refusal != null) {
            meters.counter("vigil.syslog.tcp.refused", "reason", refusal).increment();
            LOG.debugf("syslog tcp: refusing %s (%s)", socket.getRemoteSocketAddress(), refusal);
            close(socket);
            return Optional.empty();
        }
        Connection connection = new Connection(socket, sender, clock.getAsLong());
        open.add(connection);
        perSender.merge(sender, 1, Integer::sum);
        return Optional.of(connection);
    }

    /** The reader received bytes; {@code pending} whether a message is now begun but unfinished. */
    void received(Connection connection, boolean pending) {
        long now = clock.getAsLong();
        connection.lastData = now;
        if (!pending) {
            connection.messageSince = -1;
        } else if (connection.messageSince < 0) {
            connection.messageSince = now;
        }
    }

    synchronized void closed(Connection connection) {
        if (open.remove(connection)) {
            perSender.computeIfPresent(connection.sender, (sender, count) -> count > 1 ? count - 1 : null);
        }
    }

    /** Closes the connections idle too long or too slow with a message; run every second or so. */
    void sweep() {
        long now = clock.getAsLong();
        for (Connection connection : open) {
            if (connection.messageSince >= 0
                    && now - connection.messageSince > config.tcpMessageTimeout().toNanos()) {
                drop(connection, "slow message");
            } else if (now - connection.lastData > config.tcpIdleTimeout().toNanos()) {
                drop(connection, "idle");
            }
        }
    }

    int size() {
        return open.size();
    }

    void closeAll() {
        open.forEach(connection -> close(connection.socket));
    }

    private boolean evictIdlest() {
        long now = clock.getAsLong();
        Duration least = Duration.ofSeconds(1);
        return open.stream().filter(c -> c.messageSince < 0 && now - c.lastData >= least.toNanos())
                .min(Comparator.comparingLong(c -> c.lastData))
                .map(c -> {
                    drop(c, "evicted for a new sender");
                    return true;
                }).orElse(false);
    }

    private void drop(Connection connection, String reason) {
        meters.counter("vigil.syslog.tcp.closed", "reason", reason).increment();
        LOG.debugf("syslog tcp: closing %s (%s)", connection.socket.getRemoteSocketAddress(), reason);
        close(connection.socket);
        closed(connection);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (java.io.IOException e) {
            LOG.debugf("syslog tcp: closing %s: %s", socket, e.getMessage());
        }
    }
}
