package io.vigil.ingest.syslog.auth;

/**
 * What one message says on its own, before the session is consulted: the readers produce these, the
 * {@link AuthSessions} settle them into {@link AuthEvent}s.
 *
 * @param weight how the line counts against its source
 * @param phase where the line stands in the life of the connection
 * @param remote whether the peer is a network client whose address, if missing here, is on another
 *        line of the same process (sshd, dropbear); local tools (sudo, su) have no such address
 * @param times how many occurrences the line stands for: N for rsyslog's "message repeated N times" and
 *        for sshd's "PAM N more authentication failures", else 1
 */
record AuthLine(AuthAction action, Outcome outcome, Weight weight, Phase phase, String user, SourceAddress source,
        boolean remote, String targetUser, String command, int times) {

    enum Weight {
        /** Not a failure. */
        NONE,
        /** An authentication failure that counts at once. */
        COUNT,
        /**
         * A failure that counts only if the session does not end in success for the same user: a PAM line
         * sshd reports again itself, a public key tried among several, the client probing "none".
         */
        HOLD,
        /** A connection refused or given up before credentials were judged. */
        PROBE
    }

    enum Phase {
        NONE,
        OPEN,
        SUCCESS,
        CLOSE
    }

    static AuthLine of(AuthAction action, Outcome outcome, Weight weight) {
        return new AuthLine(action, outcome, weight, Phase.NONE, null, null, false, null, null, 1);
    }

    static AuthLine failure(AuthAction action) {
        return of(action, Outcome.FAILURE, Weight.COUNT);
    }

    static AuthLine probe(AuthAction action) {
        return of(action, Outcome.FAILURE, Weight.PROBE).phase(Phase.CLOSE);
    }

    static AuthLine info(AuthAction action) {
        return of(action, Outcome.UNKNOWN, Weight.NONE);
    }

    AuthLine weight(Weight value) {
        return new AuthLine(action, outcome, value, phase, user, source, remote, targetUser, command, times);
    }

    AuthLine phase(Phase value) {
        return new AuthLine(action, outcome, weight, value, user, source, remote, targetUser, command, times);
    }

    AuthLine user(String value) {
        String name = value == null || value.isBlank() ? null : value;
        return new AuthLine(action, outcome, weight, phase, name, source, remote, targetUser, command, times);
    }

    AuthLine source(SourceAddress value) {
        return new AuthLine(action, outcome, weight, phase, user, value, remote, targetUser, command, times);
    }

    AuthLine remote(boolean value) {
        return new AuthLine(action, outcome, weight, phase, user, source, value, targetUser, command, times);
    }

    AuthLine times(int value) {
        return new AuthLine(action, outcome, weight, phase, user, source, remote, targetUser, command, value);
    }

    AuthLine target(String value, String commandLine) {
        return new AuthLine(action, outcome, weight, phase, user, source, remote, value, commandLine, times);
    }
}
