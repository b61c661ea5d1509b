package io.vigil.ingest.syslog.auth;

import static io.vigil.ingest.syslog.auth.PatternRule.rule;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.vigil.ingest.syslog.auth.AuthLine.Phase;

/**
 * sshd's messages about the connection around authentication: who connected, who left and how, and
 * the ways a client fails before any credentials are judged — no banner, a bad protocol line, no
 * common cipher, a timeout. Scanners produce the latter by the thousand, hence their own weight.
 */
final class SshdConnectionMessages {

    private static final List<PatternRule> RULES = List.of(
            rule("Connection from (\\S+) port (\\d{1,5})(?: on \\S+ port \\d{1,5})?",
                    m -> source(m.group(1), m.group(2)).map(s -> open(s))),
            rule("Connection from (\\S+)$", m -> source(m.group(1), null).map(s -> open(s))),
            rule("(?:Connection closed|Connection reset|Disconnected) (?:by|from) (.+)", m -> closed(m.group(1))),
            rule("Disconnecting (?!:)(.+)", m -> disconnecting(m.group(1))),
            rule("Received disconnect from (\\S+) port (\\d{1,5}):\\s*(\\d+): ?(.*)",
                    m -> receivedDisconnect(m.group(1), m.group(2), m.group(3), m.group(4))),
            rule("Received disconnect from (\\S+?): (\\d+): ?(.*)",
                    m -> receivedDisconnect(m.group(1), null, m.group(2), m.group(3))),
            rule("Did not receive identification string from (\\S+)(?: port (\\d{1,5}))?",
                    m -> source(m.group(1), m.group(2)).map(s -> AuthLine.probe(AuthAction.NO_IDENTIFICATION)
                            .source(s))),
            rule("Timeout before authentication for (?:connection from )?(\\S+?)(?: port (\\d{1,5}))?(?:[ ,]|$)",
                    m -> source(m.group(1), m.group(2)).map(s -> AuthLine.probe(AuthAction.AUTH_TIMEOUT).source(s))),
            rule("kex_exchange_identification: (?:read: )?(.*)", m -> identification(m.group(1))),
            rule("Bad protocol version identification '(.*)", m -> badProtocol(m.group(1))),
            rule("(?:banner exchange|ssh_dispatch_run_fatal): Connection from (\\S+) port (\\d{1,5}): ",
                    m -> source(m.group(1), m.group(2)).map(s -> AuthLine.probe(AuthAction.BAD_PROTOCOL).source(s))),
            rule("Unable to negotiate with (\\S+) port (\\d{1,5}): no matching ",
                    m -> source(m.group(1), m.group(2)).map(s -> negotiation().source(s))),
            rule("Unable to negotiate with (\\S+?): no matching ",
                    m -> source(m.group(1), null).map(s -> negotiation().source(s))),
            rule("Unable to negotiate a ", m -> Optional.of(negotiation())),
            rule("no matching [\\w -]{1,40}? found", m -> Optional.of(negotiation())),
            rule("SSH: Server;Ltype: \\w+;Remote: ([^;\\s]+)-(\\d{1,5});",
                    m -> source(m.group(1), m.group(2)).map(s -> AuthLine.info(AuthAction.CONNECTION_INFO).source(s))),
            rule("Address (\\S+) maps to \\S+, but this does not map back to the address",
                    m -> source(m.group(1), null).map(s -> AuthLine.info(AuthAction.REVERSE_MAPPING_MISMATCH)
                            .source(s))),
            rule("reverse mapping checking getaddrinfo for \\S+ \\[([^\\]\\s]+)\\] failed",
                    m -> source(m.group(1), null).map(s -> AuthLine.info(AuthAction.REVERSE_MAPPING_MISMATCH)
                            .source(s))));

    private SshdConnectionMessages() {
    }

    /** @param preauth whether sshd marked the line as logged before authentication completed */
    static Optional<AuthLine> read(String message, boolean preauth) {
        if (message.startsWith("Read from socket failed: Connection reset by peer")) {
            return Optional.of(ended(preauth));
        }
        return PatternRule.first(RULES, message).map(line -> settlePreauth(line, preauth));
    }

    /** A plain close logged during authentication is a client giving up (or a scanner leaving). */
    private static AuthLine settlePreauth(AuthLine line, boolean preauth) {
        if (preauth && line.action() == AuthAction.CONNECTION_CLOSED) {
            return AuthLine.probe(AuthAction.PREAUTH_DISCONNECT).user(line.user()).source(line.source());
        }
        return line;
    }

    private static AuthLine ended(boolean preauth) {
        return preauth
                ? AuthLine.probe(AuthAction.PREAUTH_DISCONNECT)
                : AuthLine.info(AuthAction.CONNECTION_CLOSED).phase(Phase.CLOSE);
    }

    private static AuthLine open(SourceAddress source) {
        return AuthLine.info(AuthAction.CONNECTION_OPENED).phase(Phase.OPEN).source(source);
    }

    private static AuthLine negotiation() {
        return AuthLine.probe(AuthAction.NEGOTIATION_FAILED);
    }

    /** sshd writes the client's address in these messages, never a name: anything else is no match. */
    private static Optional<SourceAddress> source(String address, String port) {
        return SourceAddress.parse(address, SourceAddress.port(port)).filter(s -> s.ip() != null);
    }

    private static Optional<AuthLine> closed(String rest) {
        String[] idAndReason = SshdTails.splitReason(rest);
        return SshdTails.remoteId(idAndReason[0]).filter(tail -> tail.source().ip() != null)
                .map(tail -> AuthLine.info(AuthAction.CONNECTION_CLOSED).phase(Phase.CLOSE).user(tail.before())
                        .source(tail.source()));
    }

    /** {@code Disconnecting [invalid user X] ADDR port N: reason}: sshd ends the connection. */
    private static Optional<AuthLine> disconnecting(String rest) {
        String[] idAndReason = SshdTails.splitReason(rest);
        String reason = idAndReason[1] == null ? "" : idAndReason[1];
        return SshdTails.remoteId(idAndReason[0]).filter(tail -> tail.source().ip() != null).map(tail -> {
            AuthLine line;
            if (reason.startsWith("Too many authentication failures")) {
                line = AuthLine.failure(AuthAction.TOO_MANY_FAILURES);
            } else if (reason.startsWith("Change of username or service not allowed")) {
                line = AuthLine.failure(AuthAction.USER_CHANGE_REFUSED);
            } else {
                line = AuthLine.info(AuthAction.CONNECTION_CLOSED);
            }
            return line.phase(Phase.CLOSE).user(tail.before()).source(tail.source());
        });
    }

    /**
     * The client's SSH_MSG_DISCONNECT. JSch says "Auth fail" when its credentials were refused; code
     * 14 means the client has no method left the server accepts; anything else is a goodbye.
     */
    private static Optional<AuthLine> receivedDisconnect(String address, String port, String code, String text) {
        String description = text.stripTrailing();
        AuthLine line;
        if (description.endsWith("Auth fail")) {
            line = AuthLine.failure(AuthAction.CLIENT_DISCONNECT);
        } else if (code.equals("14")) {
            line = AuthLine.probe(AuthAction.NO_AUTH_METHODS);
        } else {
            line = AuthLine.info(AuthAction.CLIENT_DISCONNECT);
        }
        AuthLine closing = line.phase(Phase.CLOSE);
        return source(address, port).map(closing::source);
    }

    /** The identification (banner) exchange: what went wrong before the client said who it is. */
    private static Optional<AuthLine> identification(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("client sent invalid protocol identifier")) {
            return Optional.of(AuthLine.probe(AuthAction.BAD_PROTOCOL));
        }
        if (lower.startsWith("connection closed by remote host") || lower.startsWith("connection reset by peer")) {
            return Optional.of(AuthLine.probe(AuthAction.PREAUTH_DISCONNECT));
        }
        // e.g. "banner line too long": the "banner exchange: Connection from ..." line that follows
        // reports the same event with the address, so this one does not count again
        return Optional.of(AuthLine.info(AuthAction.BAD_PROTOCOL));
    }

    /** The banner is the client's text, quotes and all: the address is the last word after "from". */
    private static Optional<AuthLine> badProtocol(String rest) {
        return SshdTails.trailingAddress(rest, true).filter(tail -> tail.source().ip() != null)
                .map(tail -> AuthLine.probe(AuthAction.BAD_PROTOCOL).source(tail.source()));
    }
}
