package io.vigil.ingest.syslog.auth;

import static io.vigil.ingest.syslog.auth.PatternRule.rule;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.vigil.ingest.syslog.auth.AuthLine.Phase;

/**
 * Dropbear's messages. Dropbear writes the client as {@code host:port}, in newer versions inside
 * angle brackets, and under systemd may repeat its own pid and time in front of the message.
 */
final class DropbearMessages {

    private static final Pattern OWN_STAMP = Pattern.compile("\\[\\d+\\] \\w{3} {1,2}\\d{1,2} \\d{2}:\\d{2}:\\d{2} ");
    private static final List<PatternRule> RULES = List.of(
            rule("[Bb]ad (?:PAM )?password attempt for '(.*)' from (\\S+)$",
                    m -> withSource(AuthLine.failure(AuthAction.FAILED_PASSWORD).user(m.group(1)), m.group(2))),
            rule("[Ll]ogin attempt for nonexistent user(?: '(.*)')? from (\\S+)$",
                    m -> withSource(AuthLine.failure(AuthAction.INVALID_USER).user(m.group(1)), m.group(2))),
            rule("[Ee]xit before auth(?: from <([^>\\s]{1,80})>)?:? ?(?:\\(user '.*?', \\d+ fails\\): )?"
                    + "Max auth tries reached - user '(.*)'(?: from (\\S+))?$",
                    m -> maxTries(m.group(1), m.group(2),
                            m.group(3))),
            rule("[Ee]xit before auth(?: from <([^>\\s]{1,80})>)?", m -> exitBeforeAuth(m.group(1))),
            rule("Password auth succeeded for '(.*)' from (\\S+)$",
                    m -> withSource(success(AuthAction.ACCEPTED_PASSWORD).user(m.group(1)), m.group(2))),
            rule("Pubkey auth succeeded for '(.*)", m -> pubkeyAccepted(m.group(1))),
            rule("Child connection from (\\S+)$", m -> withSource(
                    AuthLine.info(AuthAction.CONNECTION_OPENED).phase(Phase.OPEN), m.group(1))));

    private DropbearMessages() {
    }

    static Optional<AuthLine> read(String message) {
        var stamp = OWN_STAMP.matcher(message);
        String text = stamp.lookingAt() ? message.substring(stamp.end()) : message;
        return PatternRule.first(RULES, text).map(line -> line.remote(true));
    }

    private static Optional<AuthLine> maxTries(String bracketed, String user, String trailing) {
        // dropbear writes "is invalid" where an unknown account's name would go
        AuthLine line = AuthLine.failure(AuthAction.TOO_MANY_FAILURES).phase(Phase.CLOSE)
                .user("is invalid".equals(user) ? null : user);
        String address = bracketed != null ? bracketed : trailing;
        return address == null ? Optional.of(line) : withSource(line, address);
    }

    private static Optional<AuthLine> exitBeforeAuth(String address) {
        AuthLine line = AuthLine.probe(AuthAction.PREAUTH_DISCONNECT);
        return address == null ? Optional.of(line) : withSource(line, address);
    }

    /** {@code USER' with KEY-TYPE key FINGERPRINT from HOST:PORT}: the user is quoted, the rest is dropbear's. */
    private static Optional<AuthLine> pubkeyAccepted(String rest) {
        int from = rest.lastIndexOf(" from ");
        int with = from < 0 ? -1 : rest.lastIndexOf("' with ", from);
        if (with < 0) {
            return Optional.empty();
        }
        return withSource(success(AuthAction.ACCEPTED_PUBLICKEY).user(rest.substring(0, with)),
                rest.substring(from + 6));
    }

    private static AuthLine success(AuthAction action) {
        return AuthLine.of(action, Outcome.SUCCESS, AuthLine.Weight.NONE).phase(Phase.SUCCESS);
    }

    private static Optional<AuthLine> withSource(AuthLine line, String hostPort) {
        return SourceAddress.parseHostPort(hostPort).map(line::source);
    }
}
