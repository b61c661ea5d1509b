package io.vigil.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.vigil.conformance.Fail2banLabels.Label;
import io.vigil.ingest.normalize.Documents;
import io.vigil.ingest.syslog.SyslogParser;
import io.vigil.ingest.syslog.auth.AuthAction;
import io.vigil.ingest.syslog.auth.AuthEvent;
import io.vigil.ingest.syslog.auth.AuthParser;
import io.vigil.ingest.syslog.auth.Outcome;

/**
 * Vigil's syslog authentication parsing against fail2ban's labelled test logs (GPL-2.0 test data,
 * read from the corpus directory, never copied into the repository). Each log file is fed whole and
 * in order through {@link SyslogParser} and {@link AuthParser} — unlabelled lines matter, they carry
 * the client address or the earlier failures of a session — and every labelled line is judged on one
 * question: is this an authentication failure, and from which address or host name?
 *
 * <p>
 * Which failures count depends on the fail2ban filter and its mode, and the labels say which mode
 * they were tested in:
 * <ul>
 * <li>{@code sshd} and {@code sshd-journal} (both read by fail2ban's sshd filter): in <b>aggressive</b>
 * mode wherever the label lists it (most do). Aggressive is normal + ddos + extra: it also counts
 * clients that fail before any credentials are judged (no banner, bad protocol, no common cipher,
 * disconnects during authentication), which we report as {@link AuthEvent#preAuthFailure()}; so there
 * a failure is {@code authenticationFailure || preAuthFailure}. Labels tested only in <b>normal</b>
 * mode are judged on {@code authenticationFailure} alone, the credential and account refusals. Labels
 * with a constraint for another mode ({@code opts.get('mode') != 'aggressive'} where we judge
 * aggressive) are skipped and listed.
 * <li>{@code pam-generic}: that filter reads each PAM line on its own, so it asks whether the PAM
 * module reported an authentication failure: {@code authenticationFailure}, or an {@code auth-failure}
 * event whose outcome is failure. (Under sshd our count holds a PAM line back until the session shows
 * whether sshd reports the attempt itself or the login succeeds by another method; the sshd files judge
 * that.)
 * <li>{@code dropbear}, {@code selinux-ssh}: filters without modes; {@code authenticationFailure}.
 * </ul>
 * Then Vigil's own labelled lines for the shapes the corpus lacks ({@link AttemptCases}, reported as
 * {@code vigil-attempts}) are judged on how many failures each line counts.
 * Addresses compare in canonical form ({@code ::ffff:1.2.3.4} is {@code 1.2.3.4}; octets with leading
 * zeros, like the corpus' {@code 192.030.0.6}, read as decimal, as {@link Documents#ip} reads them —
 * fail2ban itself keeps such a string raw); host names compare case-insensitively. A label that names
 * no address agrees with any source.
 */
final class SyslogConformance {

    static final String DEFAULT_CORPUS = "../shared/corpora/linux-auth/fail2ban";
    private static final double TARGET = 95.0;
    private static final Path LOGS = Path.of("fail2ban", "tests", "files", "logs");

    private enum Question {
        AGGRESSIVE,
        NORMAL,
        PAM_VERDICT,
        FAILURE
    }

    private record Tally(int[] counts) {

        Tally() {
            this(new int[3]);
        }

        void judged(boolean agreed) {
            counts[0]++;
            counts[1] += agreed ? 1 : 0;
        }

        void skipped() {
            counts[2]++;
        }
    }

    private SyslogConformance() {
    }

    static int run(List<String> options) {
        Path corpus = Path.of(DEFAULT_CORPUS);
        boolean verbose = false;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals("--corpus") && i + 1 < options.size()) {
                corpus = Path.of(options.get(++i));
            } else if (options.get(i).equals("--verbose")) {
                verbose = true;
            } else {
                System.err.println("syslog: unknown option " + options.get(i) + " (--corpus DIR, --verbose)");
                return 2;
            }
        }
        Path csv = corpus.resolve("labels_failJSON.csv");
        Path logs = corpus.resolve(LOGS);
        if (!Files.isRegularFile(csv) || !Files.isDirectory(logs)) {
            System.err.println("syslog: no fail2ban corpus at " + corpus.toAbsolutePath().normalize()
                    + " (expected labels_failJSON.csv and " + LOGS + "/); pass --corpus DIR");
            return 2;
        }
        try {
            return check(corpus, Fail2banLabels.read(csv, logs), logs, verbose);
        } catch (IOException | RuntimeException e) {
            System.err.println("syslog: cannot read the corpus: " + e);
            return 2;
        }
    }

    private static int check(Path corpus, List<Label> labels, Path logs, boolean verbose) throws IOException {
        System.out.println("fail2ban corpus: " + corpus.toAbsolutePath().normalize() + " (" + labels.size()
                + " labelled lines)");
        Map<String, Map<Integer, Label>> byFile = new LinkedHashMap<>();
        labels.forEach(l -> byFile.computeIfAbsent(l.file(), f -> new LinkedHashMap<>()).put(l.lineNo(), l));
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (var file : byFile.entrySet()) {
            Tally tally = tallies.computeIfAbsent(file.getKey(), f -> new Tally());
            checkFile(logs.resolve(file.getKey()), file.getKey(), file.getValue(), tally, verbose);
        }
        int[] own = AttemptCases.check(verbose);
        tallies.put("vigil-attempts", new Tally(new int[]{own[0], own[1], 0}));
        int judged = 0;
        int agreed = 0;
        System.out.println();
        System.out.println("per file:");
        for (var entry : tallies.entrySet()) {
            int[] c = entry.getValue().counts();
            judged += c[0];
            agreed += c[1];
            System.out.printf(Locale.ROOT, "  %-14s judged %3d  agreed %3d  disagreed %2d  skipped %d  (%s%%)%n",
                    entry.getKey(), c[0], c[1], c[0] - c[1], c[2], percent(c[1], c[0]));
        }
        String agreement = percent(agreed, judged);
        System.out.println("RESULT agreement=" + agreement + " lines=" + judged);
        return Double.parseDouble(agreement) >= TARGET ? 0 : 1;
    }

    private static void checkFile(Path log, String file, Map<Integer, Label> labels, Tally tally, boolean verbose)
            throws IOException {
        SyslogParser syslog = new SyslogParser(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        AuthParser auth = new AuthParser();
        List<String> lines = Files.readAllLines(log);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Optional<AuthEvent> event = auth.parse(syslog.parse(line));
            Label label = labels.get(i + 1);
            if (label == null) {
                continue;
            }
            String skip = !label.line().strip().equals(line.strip())
                    ? "the label's line differs from the log"
                    : skipReason(label, mode(label));
            if (skip != null) {
                tally.skipped();
                System.out.println("SKIP " + file + ":" + label.lineNo() + " " + skip);
                continue;
            }
            boolean agreed = judge(label, event, tally);
            if (!agreed || verbose) {
                System.out.println((agreed ? "AGREE " : "DISAGREE ") + file + ":" + label.lineNo() + " ["
                        + question(label).name().toLowerCase(Locale.ROOT) + "] expected " + expected(label) + ", got "
                        + got(event, question(label)) + " | " + line);
            }
        }
    }

    private static boolean judge(Label label, Optional<AuthEvent> event, Tally tally) {
        boolean failure = event.map(e -> saysFailure(e, question(label))).orElse(false);
        boolean agreed = label.match() ? failure && sameHost(label.host(), event.get().source()) : !failure;
        tally.judged(agreed);
        return agreed;
    }

    private static Question mode(Label label) {
        return label.modes().contains("aggressive") ? Question.AGGRESSIVE : Question.NORMAL;
    }

    private static Question question(Label label) {
        return switch (label.file()) {
            case "sshd", "sshd-journal" -> mode(label);
            case "pam-generic" -> Question.PAM_VERDICT;
            default -> Question.FAILURE;
        };
    }

    private static boolean saysFailure(AuthEvent event, Question question) {
        return switch (question) {
            case AGGRESSIVE -> event.authenticationFailure() || event.preAuthFailure();
            case NORMAL, FAILURE -> event.authenticationFailure();
            case PAM_VERDICT -> event.authenticationFailure()
                    || event.action() == AuthAction.AUTH_FAILURE && event.outcome() == Outcome.FAILURE;
        };
    }

    /** Null when the label applies to the mode we judge in; else why it is skipped. */
    private static String skipReason(Label label, Question mode) {
        String constraint = label.constraint().replace('"', '\'').strip();
        if (constraint.isEmpty()) {
            return null;
        }
        String judgedMode = mode == Question.AGGRESSIVE ? "aggressive" : "normal";
        String filter = label.file().equals("sshd-journal") ? "sshd" : label.file();
        if (constraint.startsWith("name == ")) {
            return constraint.equals("name == '" + filter + "'")
                    ? null
                    : constraint + ": applies to another filter than " + filter;
        }
        if (constraint.startsWith("opts.get('mode') == ")) {
            return constraint.endsWith("'" + judgedMode + "'")
                    ? null
                    : constraint + ": applies to another mode than " + judgedMode;
        }
        if (constraint.startsWith("opts.get('mode') != ")) {
            return !constraint.endsWith("'" + judgedMode + "'")
                    ? null
                    : constraint + ": applies only to modes other than " + judgedMode;
        }
        return constraint + ": constraint not understood";
    }

    private static boolean sameHost(String expected, String actual) {
        return expected == null || canonical(expected).equals(actual == null ? null : canonical(actual));
    }

    private static String canonical(String host) {
        return Documents.ip(host).orElse(host.toLowerCase(Locale.ROOT));
    }

    private static String expected(Label label) {
        if (!label.match()) {
            return "not-a-failure";
        }
        return label.host() == null ? "failure" : "failure from " + label.host();
    }

    private static String got(Optional<AuthEvent> event, Question question) {
        if (event.isEmpty()) {
            return "not-a-failure (message not recognised)";
        }
        AuthEvent e = event.get();
        List<String> parts = new ArrayList<>();
        parts.add(saysFailure(e, question) ? "failure" : "not-a-failure");
        if (e.source() != null) {
            parts.add("from " + e.source());
        }
        String flags = (e.authenticationFailure() ? ", authentication failure" : "")
                + (e.preAuthFailure() ? ", pre-auth failure" : "");
        parts.add("(" + e.action().code() + ", outcome " + e.outcome().code() + flags + ")");
        return String.join(" ", parts);
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.1f", whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
