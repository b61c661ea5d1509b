package io.vigil.conformance;

import java.util.Arrays;
import java.util.List;

/**
 * {@code ConformanceCli <name> [options]}: checks a parser against a public corpus with ground truth,
 * prints every disagreement and ends with one line {@code RESULT agreement=<percent> lines=<n>}. The
 * exit code is 0 when the agreement meets the check's target, 1 when not, 2 on a usage or corpus
 * problem.
 */
public final class ConformanceCli {

    private static final String USAGE = """
            usage: ConformanceCli <check> [options]
              syslog [--corpus DIR] [--verbose]
                  sshd, PAM, dropbear and SELinux authentication failures against fail2ban's labelled
                  test logs; DIR defaults to %s, --verbose prints every judged line
              sigma [--corpus DIR] [--placeholders FILE] [--expand-wildcard]
                  compiles every rule of the SigmaHQ rules* folders (refusals by feature) and compares
                  matches with the reference's results in oracle-expected (Stratus, Panther, regression
                  data); DIR defaults to %s, FILE to the sample site placeholders
                  (conformance/sigma-placeholders.yml), --expand-wildcard turns placeholders without a
                  value into '*'
              sigma-backends --opensearch URL [--corpus DIR] [--all-rules]
                  the in-memory matcher and the OpenSearch queries of the same rules select the same
                  corpus events (indexed into vigil-events-qtest-* of that OpenSearch, removed after)
              correlation [--corpus DIR] [--seeds N] [--events N]
                  compiles the correlation examples of DIR (default %s), runs the hand-written
                  cases and N seeded random streams (default 20 of 3,000 events) through the engine and
                  a naive reference correlator, which must fire the same windows"""
            .formatted(SyslogConformance.DEFAULT_CORPUS, SigmaConformance.DEFAULT_CORPUS,
                    CorrelationConformance.DEFAULT_CORPUS);

    private ConformanceCli() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        if (args.isEmpty()) {
            System.err.println(USAGE);
            return 2;
        }
        List<String> options = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "syslog" -> SyslogConformance.run(options);
            case "sigma" -> SigmaConformance.run(options);
            case "sigma-backends" -> BackendEquivalence.run(options);
            case "correlation" -> CorrelationConformance.run(options);
            default -> {
                System.err.println("unknown conformance check '" + args.get(0) + "'");
                System.err.println(USAGE);
                yield 2;
            }
        };
    }
}
