package io.vigil.ingest.syslog.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sudo's own log lines: {@code bob : TTY=pts/0 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/ls} for a
 * command run, and the same with a leading message when sudo refused: {@code bob : 3 incorrect
 * password attempts ; TTY=...}, {@code bob : user NOT in sudoers ; TTY=...}.
 */
final class SudoMessages {

    private static final Pattern LINE = Pattern.compile("\\s*(\\S+) : (.+)");
    private static final Pattern FIELD = Pattern.compile("[A-Z]+=.*");
    private static final String COMMAND = "COMMAND=";

    private SudoMessages() {
    }

    static Optional<AuthLine> read(String message) {
        Matcher line = LINE.matcher(message);
        if (!line.matches()) {
            return Optional.empty();
        }
        String rest = line.group(2);
        // the command is last and may itself contain " ; "
        int commandAt = rest.startsWith(COMMAND) ? 0 : rest.indexOf(" ; " + COMMAND);
        String command = commandAt < 0 ? null : rest.substring(rest.indexOf(COMMAND, commandAt) + COMMAND.length());
        String[] fields = (commandAt < 0 ? rest : rest.substring(0, commandAt)).split(" ; ");
        String verdict = FIELD.matcher(fields[0]).matches() ? null : fields[0].strip();
        String target = targetUser(fields);
        return verdict(verdict, command).map(l -> l.user(line.group(1)).target(target, command));
    }

    private static String targetUser(String[] fields) {
        for (String field : fields) {
            if (field.startsWith("USER=")) {
                return field.substring(5).strip();
            }
        }
        return null;
    }

    private static Optional<AuthLine> verdict(String message, String command) {
        if (message == null) {
            return command == null
                    ? Optional.empty()
                    : Optional.of(AuthLine.of(AuthAction.SUDO_COMMAND, Outcome.SUCCESS, AuthLine.Weight.NONE));
        }
        if (message.contains("incorrect password attempt") || message.contains("authentication failure")) {
            return Optional.of(AuthLine.failure(AuthAction.SUDO_AUTH_FAILURE));
        }
        if (message.contains("NOT in sudoers") || message.contains("NOT allowed") || message.contains("not allowed")
                || message.contains("NOT authorized") || message.contains("a password is required")) {
            // a policy refusal, not a wrong password: recorded as a failure, not counted as one
            return Optional.of(AuthLine.of(AuthAction.SUDO_DENIED, Outcome.FAILURE, AuthLine.Weight.NONE));
        }
        return Optional.empty();
    }
}
