package io.vigil.ingest.syslog.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines PAM modules write under any program: {@code pam_unix(sshd:auth): authentication failure;
 * logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.1 user=root}, the old {@code (pam_unix)} and
 * bare {@code pam_unix:} forms, and session open/close. The line is the module's verdict; whether it
 * counts is for the program's own rules ({@link AuthParser}).
 */
final class PamMessages {

    private static final Pattern HEADER = Pattern.compile("\\(?pam_[\\w-]{1,32}(?:\\([^()\\s]{0,64}\\))?\\)?:?\\s+");
    private static final Pattern SESSION_OPENED = Pattern
            .compile("session opened for user (\\S+?)(?:\\(uid=\\d+\\))? by (\\S*?)(?:\\(uid=\\d+\\))?\\s*$");
    private static final Pattern SESSION_CLOSED = Pattern
            .compile("session closed for user (\\S+?)(?:\\(uid=\\d+\\))?\\s*$");
    private static final String FAILURE = "authentication failure;";
    private static final String RHOST = " rhost=";
    private static final String RUSER = " ruser=";

    private PamMessages() {
    }

    static boolean looksLikePam(String message) {
        return message.startsWith("pam_") || message.startsWith("(pam_");
    }

    static Optional<AuthLine> read(String message) {
        Matcher header = HEADER.matcher(message);
        if (!header.lookingAt()) {
            return Optional.empty();
        }
        String body = message.substring(header.end());
        if (body.startsWith(FAILURE)) {
            return authFailure(body.substring(FAILURE.length()));
        }
        Matcher opened = SESSION_OPENED.matcher(body);
        if (opened.matches()) {
            return Optional.of(session(AuthAction.SESSION_OPENED, opened.group(1), opened.group(2)));
        }
        Matcher closed = SESSION_CLOSED.matcher(body);
        if (closed.matches()) {
            return Optional.of(session(AuthAction.SESSION_CLOSED, closed.group(1), null));
        }
        if (body.startsWith("check pass; user unknown")) {
            return Optional.of(AuthLine.info(AuthAction.INVALID_USER));
        }
        return Optional.empty();
    }

    /** For su and sudo the session's user is the target and "by" names who asked for it. */
    private static AuthLine session(AuthAction action, String user, String by) {
        AuthLine line = AuthLine.of(action, Outcome.SUCCESS, AuthLine.Weight.NONE);
        if (by != null && !by.isEmpty() && !by.equals(user)) {
            return line.user(by).target(user, null);
        }
        return line.user(user);
    }

    /**
     * The fields come in a fixed order — logname uid euid tty ruser rhost [user] — and ruser and user
     * are the client's words, so a value may itself contain "rhost=". The real rhost is the first one
     * followed by nothing but an optional {@code user=} field, as Linux-PAM writes it.
     */
    static Optional<AuthLine> authFailure(String fields) {
        String text = fields.stripTrailing();
        for (int at = text.indexOf(RHOST); at >= 0; at = text.indexOf(RHOST, at + 1)) {
            int valueStart = at + RHOST.length();
            int valueEnd = endOfWord(text, valueStart);
            int next = skipSpaces(text, valueEnd);
            if (next == text.length() || text.startsWith("user=", next)) {
                String user = next == text.length() ? null : text.substring(next + 5).strip();
                int ruserAt = text.indexOf(RUSER);
                String ruser = ruserAt >= 0 && ruserAt < at
                        ? text.substring(ruserAt + RUSER.length(), at).strip()
                        : null;
                String rhost = text.substring(valueStart, valueEnd);
                AuthLine line = AuthLine.failure(AuthAction.AUTH_FAILURE)
                        .user(user != null && !user.isEmpty() ? user : ruser);
                return Optional.of(rhost.isEmpty() ? line : SourceAddress.parse(rhost).map(line::source).orElse(line));
            }
        }
        return Optional.empty();
    }

    private static int endOfWord(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
