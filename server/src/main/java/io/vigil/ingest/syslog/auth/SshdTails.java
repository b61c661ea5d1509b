package io.vigil.ingest.syslog.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of sshd messages that sshd writes itself — the client's address, port and protocol —
 * found around the parts a client chooses: user names and banners, which may contain
 * {@code " from 10.0.0.1 port 22"} on purpose. Each reader states which end of the message sshd
 * controls and parses from there, without backtracking over the client's text.
 */
final class SshdTails {

    /** {@code from ADDR [port N] [on ADDR port N] [sshN]}, then the end or {@code ": "} and details. */
    private static final Pattern FROM_TAIL = Pattern.compile(
            " from (\\S+?)(?: port (\\d{1,5}))?(?: on \\S+ port \\d{1,5})?(?: ssh\\d?)?(?:: |:?$)");
    private static final Pattern PORT_COLON = Pattern.compile(" port (\\d{1,5}):");
    private static final String INVALID = "invalid user ";
    private static final String ILLEGAL = "illegal user ";
    private static final String AUTHENTICATING = "authenticating user ";
    private static final String USER = "user ";

    /** The text before sshd's tail, the source in it, and whatever followed. */
    record Tail(String before, SourceAddress source) {
    }

    /** A user as sshd names it, with whether sshd said the account does not exist. */
    record Who(String user, boolean invalid) {
    }

    private SshdTails() {
    }

    /**
     * {@code USER from ADDR port N ssh2[: details]} as in "Failed password for ...": the first
     * {@code from} whose address is followed by nothing but sshd's own words up to the end or to the
     * details separator. A user name can hold such a tail only if it also holds ": ", which names of
     * real accounts cannot.
     */
    static Optional<Tail> fromTail(String text) {
        Matcher matcher = FROM_TAIL.matcher(text);
        for (int at = text.indexOf(" from "); at >= 0; at = text.indexOf(" from ", at + 1)) {
            matcher.region(at, text.length());
            if (matcher.lookingAt()) {
                Optional<SourceAddress> source = SourceAddress.parse(matcher.group(1),
                        SourceAddress.port(matcher.group(2)));
                if (source.isPresent()) {
                    return Optional.of(new Tail(text.substring(0, at), source.get()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code USER [from] ADDR [port N]} with sshd's address last: the last word is the address, so
     * whatever the user name holds stays in the user name.
     *
     * @param needFrom whether the address must follow the word "from" (in messages that always have
     *        it, a host-name-looking last word of a user name must not pass for a source)
     */
    static Optional<Tail> trailingAddress(String text, boolean needFrom) {
        String rest = text.stripTrailing();
        Integer port = null;
        int portAt = rest.lastIndexOf(" port ");
        if (portAt >= 0 && SourceAddress.port(rest.substring(portAt + 6)) != null) {
            port = SourceAddress.port(rest.substring(portAt + 6));
            rest = rest.substring(0, portAt);
        }
        int space = rest.lastIndexOf(' ');
        String words = space < 0 ? "" : rest.substring(0, space);
        boolean from = words.equals("from") || words.endsWith(" from");
        if (needFrom && !from) {
            return Optional.empty();
        }
        String before = from ? words.substring(0, words.length() - 4).stripTrailing() : words;
        return SourceAddress.parse(rest.substring(space + 1), port).map(source -> new Tail(before, source));
    }

    /** {@code [invalid|authenticating] user USER ADDR [port N]} or {@code ADDR [port N]}. */
    static Optional<Tail> remoteId(String text) {
        return trailingAddress(text, false).map(tail -> new Tail(userPart(tail.before()), tail.source()));
    }

    /**
     * Splits {@code REMOTE-ID: reason} after the first {@code port N:}; without a port there is no
     * reason (sshd writes ports in every message that gives one).
     *
     * @return {id, reason}; reason null when there is none
     */
    static String[] splitReason(String text) {
        Matcher matcher = PORT_COLON.matcher(text);
        if (matcher.find()) {
            return new String[]{text.substring(0, matcher.end() - 1), text.substring(matcher.end()).strip()};
        }
        return new String[]{text, null};
    }

    /** The user named before a remote id: after "invalid user", "authenticating user" or "user". */
    static String userPart(String before) {
        for (String prefix : new String[]{INVALID, ILLEGAL, AUTHENTICATING, USER}) {
            if (before.startsWith(prefix)) {
                return before.substring(prefix.length());
            }
        }
        return before.isEmpty() ? null : before;
    }

    /** "invalid user bob", "illegal user bob", "bob"; Solaris writes {@code <invalid username>}. */
    static Who who(String text) {
        if (text.startsWith(INVALID) || text.startsWith(ILLEGAL)) {
            return new Who(text.substring(INVALID.length()), true);
        }
        if (text.equals("<invalid username>")) {
            return new Who(null, true);
        }
        return new Who(text, false);
    }
}
