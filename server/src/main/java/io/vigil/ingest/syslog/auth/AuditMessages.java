package io.vigil.ingest.syslog.auth;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux audit records of user authentication, as auditd writes them ({@code type=USER_AUTH
 * msg=audit(1373330716.415:4063): pid=... msg='op=PAM:authentication acct="root" exe="/usr/sbin/sshd"
 * hostname=? addr=192.0.2.1 terminal=ssh res=failed'}) and as the kernel forwards them to syslog
 * ({@code audit: type=1100 audit(...): ...}). SELinux systems get their sshd failures this way.
 */
final class AuditMessages {

    private static final Pattern HEADER = Pattern
            .compile("(?:audit: )?type=(\\w{1,32}) (?:msg=)?audit\\([\\d.:]{1,40}\\): ?");
    private static final Map<String, String> NUMBERED = Map.of("1100", "USER_AUTH", "1105", "USER_START", "1106",
            "USER_END", "1109", "USER_ERR", "1112", "USER_LOGIN");
    private static final Pattern HEX = Pattern.compile("(?:[0-9A-F]{2}){1,128}");

    private AuditMessages() {
    }

    static boolean looksLikeAudit(String message) {
        return message.startsWith("type=") || message.startsWith("audit: type=");
    }

    static Optional<AuthLine> read(String message) {
        Matcher header = HEADER.matcher(message);
        if (!header.lookingAt()) {
            return Optional.empty();
        }
        String type = NUMBERED.getOrDefault(header.group(1), header.group(1));
        int open = message.indexOf("msg='", header.end());
        int close = message.lastIndexOf('\'');
        if (open < 0 || close <= open + 5) {
            return Optional.empty();
        }
        Map<String, String> fields = fields(message.substring(open + 5, close));
        boolean failed = "failed".equals(fields.get("res"));
        Optional<AuthLine> line = switch (type) {
            // the login record repeats a failure its USER_AUTH or USER_ERR record already gave
            case "USER_LOGIN" -> Optional.of(AuthLine.of(AuthAction.LOGIN, failed ? Outcome.FAILURE : Outcome.SUCCESS,
                    AuthLine.Weight.NONE));
            case "USER_AUTH" -> Optional.of(failed
                    ? AuthLine.failure(AuthAction.AUTH_FAILURE)
                    : AuthLine.of(AuthAction.AUTH_SUCCESS, Outcome.SUCCESS, AuthLine.Weight.NONE));
            case "USER_ERR" -> Optional.of(AuthLine.failure(AuthAction.AUTH_ERROR));
            case "USER_START" -> Optional.of(AuthLine.of(AuthAction.SESSION_OPENED, outcome(failed),
                    AuthLine.Weight.NONE));
            case "USER_END" -> Optional.of(AuthLine.of(AuthAction.SESSION_CLOSED, outcome(failed),
                    AuthLine.Weight.NONE));
            default -> Optional.empty();
        };
        return line.map(l -> withSource(l.user(account(fields.get("acct"))), fields));
    }

    private static Outcome outcome(boolean failed) {
        return failed ? Outcome.FAILURE : Outcome.SUCCESS;
    }

    private static AuthLine withSource(AuthLine line, Map<String, String> fields) {
        Optional<SourceAddress> address = known(fields.get("addr")).flatMap(SourceAddress::parse);
        if (address.isEmpty()) {
            address = known(fields.get("hostname")).flatMap(SourceAddress::parse);
        }
        return address.map(line::source).orElse(line);
    }

    /** A quoted name, or the name in hex when it held characters audit does not quote. */
    private static String account(String value) {
        if (value == null || value.equals("?")) {
            return null;
        }
        String name = HEX.matcher(value).matches()
                ? new String(HexFormat.of().parseHex(value), StandardCharsets.UTF_8)
                : value;
        // sshd's stand-ins for a name it would not pass on
        return name.equals("(unknown user)") || name.equals("(invalid user)") ? null : name;
    }

    private static Optional<String> known(String value) {
        return value == null || value.isEmpty() || value.equals("?") ? Optional.empty() : Optional.of(value);
    }

    /** {@code key=value key="quoted value"} pairs, first occurrence wins. */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).strip();
            int end;
            String value;
            if (eq + 1 < text.length() && text.charAt(eq + 1) == '"') {
                int quote = text.indexOf('"', eq + 2);
                end = quote < 0 ? text.length() : quote + 1;
                value = text.substring(eq + 2, quote < 0 ? text.length() : quote);
            } else {
                int space = text.indexOf(' ', eq + 1);
                end = space < 0 ? text.length() : space;
                value = text.substring(eq + 1, end);
            }
            fields.putIfAbsent(key, value);
            i = end + 1;
        }
        return fields;
    }
}
