package io.vigil.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.ingest.syslog.SyslogParser;
import io.vigil.ingest.syslog.auth.AuthEvent;
import io.vigil.ingest.syslog.auth.AuthParser;

/**
 * Vigil's own labelled sshd lines ({@code conformance/sshd-attempts.log}) for the shapes fail2ban's corpus
 * lacks: an unknown user's "Invalid user" line and the tries after it, rsyslog's "message repeated N
 * times", sshd's "PAM N more authentication failures". Each {@code # expect: N [from HOST]} says how
 * many failures the next line counts ({@link AuthEvent#failures()}) and from which client; the file is
 * fed whole and in order, as a host writes it.
 */
final class AttemptCases {

    static final String RESOURCE = "conformance/sshd-attempts.log";
    private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+)(?: from (\\S+))?\\s*");

    private AttemptCases() {
    }

    /** Judges every labelled line; returns {judged, agreed}. */
    static int[] check(boolean verbose) throws IOException {
        SyslogParser syslog = new SyslogParser(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        AuthParser auth = new AuthParser();
        int judged = 0;
        int agreed = 0;
        Matcher expected = null;
        for (String line : lines()) {
            Matcher expect = EXPECT.matcher(line);
            if (expect.matches()) {
                expected = expect;
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Optional<AuthEvent> event = auth.parse(syslog.parse(line));
            if (expected == null) {
                continue;
            }
            int failures = event.map(AuthEvent::failures).orElse(0);
            String host = event.map(AuthEvent::source).orElse(null);
            boolean same = failures == Integer.parseInt(expected.group(1))
                    && (expected.group(2) == null || expected.group(2).equals(host));
            judged++;
            agreed += same ? 1 : 0;
            if (!same || verbose) {
                System.out.println((same ? "AGREE " : "DISAGREE ") + "vigil-attempts expected "
                        + expected.group(1) + (expected.group(2) == null ? "" : " from " + expected.group(2))
                        + String.format(Locale.ROOT, ", got %d from %s", failures, host) + " | " + line);
            }
            expected = null;
        }
        return new int[]{judged, agreed};
    }

    private static List<String> lines() throws IOException {
        try (InputStream in = AttemptCases.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("no " + RESOURCE + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
