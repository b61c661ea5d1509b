package io.vigil.ingest.syslog.auth;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import io.vigil.ingest.syslog.auth.AuthLine.Phase;
import io.vigil.ingest.syslog.auth.AuthLine.Weight;

/**
 * What one daemon process has said so far about its connection, and the rules that turn a line into
 * a counted failure in that light. Not thread-safe: {@link AuthSessions} calls it under its lock.
 */
final class SessionState {

    /** Enough to tell "one user mistyped" from "several names were tried". */
    private static final int MAX_USERS = 8;

    private SourceAddress source;
    private String user;
    private final Set<String> failedUsers = new LinkedHashSet<>();
    private int held;
    private boolean pendingFailure;
    private boolean pendingProbe;
    private boolean maxAttemptsReported;
    private boolean authenticated;
    /**
     * sshd logs "Invalid user X from …" once, when the name arrives, and then "Failed password for invalid
     * user X" for each try. The first line is counted at once (a client may leave without trying), so the
     * first try after it is the same attempt and is not counted again.
     */
    private boolean invalidUserCounted;
    private String invalidUser;

    AuthEvent settle(AuthLine line) {
        if (line.phase() == Phase.OPEN) {
            reset();
        }
        if (line.source() != null) {
            source = line.source();
        }
        if (line.user() != null) {
            user = line.user();
        }
        boolean failure = settlePhase(line, weigh(line));
        boolean probe = line.weight() == Weight.PROBE;
        SourceAddress known = line.source() != null ? line.source() : source;
        if (known == null && line.remote()) {
            // sshd names the client on another line of this process: count when it does
            pendingFailure |= failure;
            pendingProbe |= probe;
            failure = false;
            probe = false;
        } else if (known != null) {
            failure |= pendingFailure;
            probe |= pendingProbe;
            pendingFailure = false;
            pendingProbe = false;
        }
        if (line.phase() == Phase.CLOSE) {
            // the attempts are over; a failure still waiting for the client's address keeps waiting
            forgetAttempts();
        }
        return AuthSessions.event(line, known, line.user() != null ? line.user() : user, failure, probe);
    }

    /** A success or a close settles what was held back. */
    private boolean settlePhase(AuthLine line, boolean failure) {
        if (line.phase() == Phase.SUCCESS) {
            // failures for other accounts stand even though this one got in: a name sweep that found one
            boolean sweep = triedOtherThan(line.user());
            clearFailures();
            authenticated = true;
            return sweep;
        }
        if (line.phase() == Phase.CLOSE && held > 0 && !authenticated) {
            // the session ended without success: what was held back was a real failure after all
            held = 0;
            return true;
        }
        return failure;
    }

    private boolean weigh(AuthLine line) {
        return switch (line.weight()) {
            case COUNT -> {
                // OpenSSH 6.8+ logs "maximum authentication attempts exceeded" and then disconnects with
                // "Too many authentication failures": one event, counted once
                boolean repeat = line.action() == AuthAction.TOO_MANY_FAILURES && maxAttemptsReported
                        || isTryAfterInvalidUser(line);
                if (line.action() == AuthAction.INVALID_USER) {
                    invalidUserCounted = true;
                    invalidUser = line.user();
                }
                maxAttemptsReported |= line.action() == AuthAction.MAX_ATTEMPTS_EXCEEDED;
                // sshd's own verdict covers the PAM lines it held for the same attempt
                held = 0;
                noteFailed(line.user());
                yield !repeat;
            }
            case HOLD -> {
                boolean sweep = line.user() != null && triedOtherThan(line.user());
                held = sweep ? 0 : held + 1;
                noteFailed(line.user());
                yield sweep;
            }
            case NONE, PROBE -> false;
        };
    }

    /** The first failed try for the name an "Invalid user" line already counted; it uses up the mark. */
    private boolean isTryAfterInvalidUser(AuthLine line) {
        boolean tried = switch (line.action()) {
            case FAILED_PASSWORD, FAILED_PUBLICKEY, FAILED_OTHER_METHOD -> true;
            default -> false;
        };
        if (tried && invalidUserCounted && Objects.equals(invalidUser, line.user())) {
            invalidUserCounted = false;
            return true;
        }
        return false;
    }

    private boolean triedOtherThan(String name) {
        return failedUsers.stream().anyMatch(tried -> !Objects.equals(tried, name));
    }

    private void noteFailed(String name) {
        if (name != null && failedUsers.size() < MAX_USERS) {
            failedUsers.add(name);
        }
    }

    private void clearFailures() {
        forgetAttempts();
        pendingFailure = false;
        pendingProbe = false;
    }

    private void forgetAttempts() {
        failedUsers.clear();
        invalidUserCounted = false;
        invalidUser = null;
        held = 0;
        maxAttemptsReported = false;
    }

    private void reset() {
        clearFailures();
        source = null;
        user = null;
        authenticated = false;
    }
}
