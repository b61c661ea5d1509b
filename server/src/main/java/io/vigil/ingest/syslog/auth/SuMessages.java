package io.vigil.ingest.syslog.auth;

import static io.vigil.ingest.syslog.auth.PatternRule.rule;

import java.util.List;
import java.util.Optional;

/**
 * su's own verdicts, as util-linux and shadow-utils write them: {@code FAILED SU (to root) bob on
 * pts/0}, {@code (to root) bob on pts/0}, {@code FAILED su for root by bob}, {@code Successful su for
 * root by bob}, and Debian's {@code + pts/0 bob:root} / {@code - pts/0 bob:root}.
 */
final class SuMessages {

    private static final List<PatternRule> RULES = List.of(
            rule("FAILED SU \\(to (\\S+)\\) (\\S+) on ", m -> Optional.of(failed(m.group(2), m.group(1)))),
            rule("FAILED su for (\\S+) by (\\S+)", m -> Optional.of(failed(m.group(2), m.group(1)))),
            rule("\\(to (\\S+)\\) (\\S+) on ", m -> Optional.of(succeeded(m.group(2), m.group(1)))),
            rule("Successful su for (\\S+) by (\\S+)", m -> Optional.of(succeeded(m.group(2), m.group(1)))),
            rule("\\+ \\S+ ([^\\s:]+):(\\S+)$", m -> Optional.of(succeeded(m.group(1), m.group(2)))),
            rule("- \\S+ ([^\\s:]+):(\\S+)$", m -> Optional.of(failed(m.group(1), m.group(2)))));

    private SuMessages() {
    }

    static Optional<AuthLine> read(String message) {
        return PatternRule.first(RULES, message);
    }

    private static AuthLine failed(String user, String target) {
        return AuthLine.failure(AuthAction.SU_FAILURE).user(user).target(target, null);
    }

    private static AuthLine succeeded(String user, String target) {
        return AuthLine.of(AuthAction.SU_SUCCESS, Outcome.SUCCESS, AuthLine.Weight.NONE).user(user).target(target,
                null);
    }
}
