package io.vigil.ingest.syslog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The syslog listener: where it listens and which source its messages belong to. */
@ConfigMapping(prefix = "vigil.syslog")
public interface SyslogConfig {

    /** Address to bind; 0.0.0.0 listens on every interface. */
    @WithDefault("0.0.0.0")
    String host();

    /** UDP port (RFC 5426: one message per datagram); 0 picks a free port, -1 turns UDP off. */
    @WithDefault("5514")
    int udpPort();

    /** TCP port (RFC 6587: newline or octet-counting framing); 0 picks a free port, -1 turns TCP off. */
    @WithDefault("5514")
    int tcpPort();

    /** The syslog source (defined on the Sources page) that received messages belong to. */
    @WithDefault("syslog")
    String source();

    /**
     * Longest message kept as an event, in bytes; longer ones become dead letters with their start.
     * Between rsyslog's 8 KiB and syslog-ng's 64 KiB defaults.
     */
    @WithDefault("16384")
    int maxMessageSize();

    /**
     * Open TCP connections at most (each holds a reader). When all are taken, the one idle the
     * longest is closed to make room; when none is idle, the newcomer is refused.
     */
    @WithDefault("1000")
    int maxConnections();

    /** Open TCP connections from one sender address at most; more are refused. */
    @WithDefault("20")
    int maxConnectionsPerSender();

    /** A TCP connection that sends nothing for this long is closed (a sender reconnects to send again). */
    @WithDefault("5m")
    Duration tcpIdleTimeout();

    /**
     * A message begun over TCP must arrive whole within this time, or the connection is closed: the
     * minimum data rate (16 KiB in 30 s is about 550 bytes a second), against senders that drip bytes.
     */
    @WithDefault("30s")
    Duration tcpMessageTimeout();

    /**
     * Networks that may send, over UDP and TCP (for example {@code 10.0.0.0/8,192.0.2.7}); others'
     * datagrams are dropped and their connections refused, both counted. Unset: every sender.
     */
    Optional<List<String>> allowedSenders();

    /** Messages written to the store in one bulk request at most. */
    @WithDefault("2000")
    int batchSize();

    /** How long a message waits for its batch to fill before it is written anyway. */
    @WithDefault("500ms")
    Duration flushInterval();

    /**
     * Messages held in memory while the store is slow: TCP senders are paused when it is full, UDP
     * datagrams are counted as dropped (UDP has no way to slow a sender down).
     */
    @WithDefault("100000")
    int queueSize();
}
