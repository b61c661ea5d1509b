package io.vigil.ingest.syslog.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recent history of each daemon process, so that a line can be read in the light of the lines
 * before it: keyed by host, program and pid, least recently used sessions forgotten beyond a fixed
 * number (a busy sshd host has hundreds of concurrent connections, not tens of thousands). One lock
 * guards all sessions: the work under it is a few field updates, far cheaper than the regexes that
 * run outside it.
 */
public final class AuthSessions {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<Key, SessionState> sessions;

    record Key(String host, String program, String pid) {
    }

    public AuthSessions() {
        this(DEFAULT_CAPACITY);
    }

    public AuthSessions(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SessionState> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How many sessions are remembered now. */
    public synchronized int size() {
        return sessions.size();
    }

    /** Settles a line of a process whose history is kept; {@code key} null reads the line alone. */
    AuthEvent settle(Key key, AuthLine line) {
        if (key == null) {
            return event(line, line.source(), line.user(), line.weight() == AuthLine.Weight.COUNT,
                    line.weight() == AuthLine.Weight.PROBE);
        }
        synchronized (this) {
            return sessions.computeIfAbsent(key, k -> new SessionState()).settle(line);
        }
    }

    static AuthEvent event(AuthLine line, SourceAddress source, String user, boolean failure, boolean probe) {
        return new AuthEvent(line.action(), line.outcome(), user, source == null ? null : source.ip(),
                source == null ? null : source.domain(), source == null ? null : source.port(), failure, probe,
                line.targetUser(), line.command(), line.times());
    }
}
