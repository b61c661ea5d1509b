package io.vigil.ingest.syslog.auth;

import static io.vigil.ingest.syslog.auth.PatternRule.rule;

import java.util.List;
import java.util.Optional;

import io.vigil.ingest.syslog.auth.AuthLine.Phase;
import io.vigil.ingest.syslog.auth.AuthLine.Weight;

/**
 * sshd's verdicts on credentials and accounts: failed and accepted methods, unknown and refused
 * users, too many attempts. Messages from OpenSSH 3.x to 10.x and Solaris' sshd, after the level
 * prefix and the {@code [preauth]} suffix are gone.
 */
final class SshdAuthMessages {

    private static final List<PatternRule> RULES = List.of(
            rule("Failed (\\S+) for (.+)", m -> failed(m.group(1), m.group(2))),
            rule("Accepted (\\S+) for (.+)", m -> accepted(m.group(1), m.group(2))),
            rule("(?:[Ii]nvalid|[Ii]llegal) user (.*)", m -> invalidUser(m.group(1))),
            rule("input_userauth_request: (?:invalid|illegal) user (.*)",
                    m -> Optional.of(AuthLine.info(AuthAction.INVALID_USER).user(m.group(1)))),
            rule("User (\\S+) from (\\S+) not allowed because ",
                    m -> SourceAddress.parse(m.group(2))
                            .map(s -> AuthLine.failure(AuthAction.USER_NOT_ALLOWED).user(m.group(1)).source(s))),
            rule("User (\\S+) not allowed because ",
                    m -> Optional.of(AuthLine.failure(AuthAction.USER_NOT_ALLOWED).user(m.group(1)))),
            rule("ROOT LOGIN REFUSED FROM (\\S+?)(?: port (\\d{1,5}))?(?: |$)",
                    m -> SourceAddress.parse(m.group(1), SourceAddress.port(m.group(2)))
                            .map(s -> AuthLine.failure(AuthAction.ROOT_LOGIN_REFUSED).user("root").source(s))),
            rule("refused connect from \\S+ \\(([^)\\s]+)\\)",
                    m -> SourceAddress.parse(m.group(1))
                            .map(s -> AuthLine.failure(AuthAction.REFUSED_CONNECT).source(s))),
            rule("[Aa]uthentication (?:failure|error|failed) for (.+)",
                    m -> pamGlue(AuthAction.AUTH_FAILURE, m.group(1))),
            rule("User not known to the underlying authentication module for (.+)",
                    m -> pamGlue(AuthAction.INVALID_USER, m.group(1))),
            rule("maximum authentication attempts exceeded for (.+)", m -> maxAttempts(m.group(1))),
            rule("PAM (\\d{1,9}) more authentication failures?; (.*)", m -> pamMore(m.group(1), m.group(2))),
            rule("Disconnecting: Too many authentication failures(?: for (\\S+))?",
                    m -> Optional.of(AuthLine.failure(AuthAction.TOO_MANY_FAILURES).user(m.group(1))
                            .phase(Phase.CLOSE))));

    private SshdAuthMessages() {
    }

    static Optional<AuthLine> read(String message) {
        return PatternRule.first(RULES, message);
    }

    private static Optional<AuthLine> failed(String method, String rest) {
        return SshdTails.fromTail(rest).map(tail -> {
            SshdTails.Who who = SshdTails.who(tail.before());
            AuthAction action = switch (method) {
                case "password" -> AuthAction.FAILED_PASSWORD;
                case "publickey" -> AuthAction.FAILED_PUBLICKEY;
                default -> AuthAction.FAILED_OTHER_METHOD;
            };
            // clients offer their keys one after another and start with "none": for an existing
            // account a refusal of either is routine until the session ends without success
            boolean routine = !who.invalid() && (method.equals("publickey") || method.equals("none"));
            return AuthLine.failure(action).weight(routine ? Weight.HOLD : Weight.COUNT).user(who.user())
                    .source(tail.source());
        });
    }

    private static Optional<AuthLine> accepted(String method, String rest) {
        return SshdTails.fromTail(rest).map(tail -> {
            AuthAction action = switch (method) {
                case "password" -> AuthAction.ACCEPTED_PASSWORD;
                case "publickey" -> AuthAction.ACCEPTED_PUBLICKEY;
                default -> AuthAction.ACCEPTED_OTHER_METHOD;
            };
            return AuthLine.of(action, Outcome.SUCCESS, Weight.NONE).phase(Phase.SUCCESS).user(tail.before())
                    .source(tail.source());
        });
    }

    private static Optional<AuthLine> invalidUser(String rest) {
        AuthLine line = AuthLine.failure(AuthAction.INVALID_USER);
        return Optional.of(SshdTails.trailingAddress(rest, true)
                .map(tail -> line.user(tail.before()).source(tail.source()))
                .orElse(line.user(rest.strip())));
    }

    /** sshd's own PAM messages: {@code USER from HOST [via ADDR]}, the host possibly a name. */
    private static Optional<AuthLine> pamGlue(AuthAction action, String rest) {
        String text = rest.stripTrailing();
        int via = text.lastIndexOf(" via ");
        if (via >= 0 && text.indexOf(' ', via + 5) < 0) {
            text = text.substring(0, via);
        }
        return SshdTails.trailingAddress(text, true).map(tail -> {
            SshdTails.Who who = SshdTails.who(tail.before());
            return AuthLine.failure(who.invalid() ? AuthAction.INVALID_USER : action).user(who.user())
                    .source(tail.source());
        });
    }

    /** The PAM fields of the summary name the client ({@code rhost=}) and the account ({@code user=}). */
    private static Optional<AuthLine> pamMore(String count, String fields) {
        return PamMessages.authFailure(" " + fields).map(pam -> AuthLine
                .of(AuthAction.PAM_MORE_FAILURES, Outcome.FAILURE, Weight.NONE).user(pam.user()).source(pam.source())
                .times(Integer.parseInt(count)));
    }

    private static Optional<AuthLine> maxAttempts(String rest) {
        return SshdTails.fromTail(rest).map(tail -> AuthLine.failure(AuthAction.MAX_ATTEMPTS_EXCEEDED)
                .user(SshdTails.who(tail.before()).user()).source(tail.source()));
    }
}
