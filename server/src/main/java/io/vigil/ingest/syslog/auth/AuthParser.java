package io.vigil.ingest.syslog.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.ingest.syslog.SyslogMessage;
import io.vigil.ingest.syslog.auth.AuthLine.Weight;

/**
 * Reads the message part of authentication-related syslog lines into {@link AuthEvent}s: picks the
 * readers by program, strips what daemons put around their messages, and settles each line against
 * the history of its process. Messages it does not know give an empty result, never an exception.
 * Thread-safe; one instance per stream of lines, so that sessions of different streams do not mix.
 */
public final class AuthParser {

    /** No daemon read here writes lines this long; longer text is refused rather than scanned. */
    static final int MAX_MESSAGE_LENGTH = 8192;

    private static final Pattern SOLARIS_ID = Pattern.compile("\\[ID \\d{1,10} [\\w.]{1,32}\\] ");
    private static final Pattern KERNEL_STAMP = Pattern.compile("kernel: ?\\[ *\\d{1,12}\\.\\d{1,9}\\]:? ");
    private static final Pattern LEVEL = Pattern.compile("(?:error|fatal): (?:PAM: )?");
    private static final String PREAUTH = "[preauth]";
    /** rsyslog's reduction of a run of identical messages: {@code message repeated 3 times: [ TEXT]}. */
    private static final Pattern REPEATED = Pattern.compile("message repeated (\\d{1,9}) times: \\[");

    private final AuthSessions sessions;

    public AuthParser() {
        this(new AuthSessions());
    }

    public AuthParser(AuthSessions sessions) {
        this.sessions = sessions;
    }

    /** The program, pid, host and message of a line the {@code SyslogParser} has split. */
    public Optional<AuthEvent> parse(SyslogMessage message) {
        return parse(message.app(), message.procId(), message.host(), message.message());
    }

    /**
     * @param program the syslog tag ({@code sshd}, {@code sudo}, ...), or null
     * @param pid the process id in the tag, or null: lines without one are read alone
     * @param host the host that logged the line, or null
     * @param message the text after {@code program[pid]: }
     */
    public Optional<AuthEvent> parse(String program, String pid, String host, String message) {
        if (message == null || message.length() > MAX_MESSAGE_LENGTH) {
            return Optional.empty();
        }
        Program kind = Program.of(program);
        String text = message.strip();
        int times = 1;
        Matcher repeated = REPEATED.matcher(text);
        if (repeated.lookingAt() && text.endsWith("]")) {
            // the inner message stands for N lines: read once, counted N times
            times = Integer.parseInt(repeated.group(1));
            text = text.substring(repeated.end(), text.length() - 1).strip();
        }
        int occurrences = times;
        return read(kind, text).map(line -> line.times(line.times() * occurrences)).map(line -> {
            boolean keep = line.remote() && pid != null;
            AuthSessions.Key key = keep ? new AuthSessions.Key(host, program, pid) : null;
            return sessions.settle(key, line);
        });
    }

    private static Optional<AuthLine> read(Program program, String message) {
        return switch (program) {
            case SSHD -> sshd(message);
            // dropbear, sudo and su log their own verdict; the PAM module's line for the same attempt is
            // kept but not counted again
            case DROPBEAR -> DropbearMessages.read(message).or(() -> pam(message, Weight.NONE, true));
            case SUDO -> SudoMessages.read(message).or(() -> pam(message, Weight.NONE, false));
            case SU -> SuMessages.read(message).or(() -> pam(message, Weight.NONE, false));
            case OTHER -> AuditMessages.looksLikeAudit(message)
                    ? AuditMessages.read(message)
                    : pam(message, Weight.COUNT, false);
        };
    }

    /**
     * sshd: PAM lines are held, because sshd reports the same attempt itself ("Failed password") and a
     * PAM failure may be followed by success with another method of the same login.
     */
    private static Optional<AuthLine> sshd(String message) {
        String text = stripPrefixes(message);
        boolean preauth = text.endsWith(PREAUTH);
        if (preauth) {
            text = text.substring(0, text.length() - PREAUTH.length()).stripTrailing();
        }
        String body = text;
        Optional<AuthLine> line = PamMessages.looksLikePam(body)
                ? pam(body, Weight.HOLD, true)
                : SshdAuthMessages.read(body).or(() -> SshdConnectionMessages.read(body, preauth));
        return line.map(l -> l.remote(true));
    }

    private static Optional<AuthLine> pam(String message, Weight failureWeight, boolean remote) {
        if (!PamMessages.looksLikePam(message)) {
            return Optional.empty();
        }
        return PamMessages.read(message).map(
                line -> (line.weight() == Weight.COUNT ? line.weight(failureWeight) : line).remote(remote));
    }

    /** {@code [ID 800047 auth.info] }, {@code kernel: [  970.69] }, {@code error: PAM: }, in that order. */
    private static String stripPrefixes(String message) {
        String text = message;
        for (Pattern prefix : new Pattern[]{SOLARIS_ID, KERNEL_STAMP, LEVEL}) {
            Matcher matcher = prefix.matcher(text);
            if (matcher.lookingAt()) {
                text = text.substring(matcher.end());
            }
        }
        return text;
    }

    /** The daemons with readers of their own; everything else may still carry PAM or audit lines. */
    enum Program {

        SSHD,
        DROPBEAR,
        SUDO,
        SU,
        OTHER;

        static Program of(String tag) {
            if (tag == null) {
                return OTHER;
            }
            String name = tag.substring(tag.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            // OpenSSH 9.8+ runs each connection as sshd-session, 10.0+ authenticates in sshd-auth
            if (name.equals("sshd") || name.startsWith("sshd-")) {
                return SSHD;
            }
            return switch (name) {
                case "dropbear" -> DROPBEAR;
                case "sudo" -> SUDO;
                case "su" -> SU;
                default -> OTHER;
            };
        }
    }
}
