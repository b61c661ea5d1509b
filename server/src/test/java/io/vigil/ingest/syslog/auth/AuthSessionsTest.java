package io.vigil.ingest.syslog.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Lines that count only in the light of the earlier lines of the same sshd process. */
class AuthSessionsTest {

    private final AuthSessions sessions = new AuthSessions();
    private final AuthParser parser = new AuthParser(sessions);

    private AuthEvent line(String pid, String message) {
        return parser.parse("sshd", pid, "bastion", message).orElseThrow();
    }

    @Test
    void aFailureWithoutAddressCountsOnTheLineThatNamesTheClient() {
        AuthEvent locked = line("100", "User root not allowed because account is locked");
        assertThat(locked.authenticationFailure()).isFalse();
        assertThat(locked.sourceIp()).isNull();

        AuthEvent bye = line("100", "Received disconnect from 203.0.113.5 port 4000:11: Bye Bye [preauth]");
        assertThat(bye.authenticationFailure()).isTrue();
        assertThat(bye.sourceIp()).isEqualTo("203.0.113.5");
        assertThat(bye.user()).as("the session's user").isEqualTo("root");

        assertThat(line("100", "Connection closed by 203.0.113.5 port 4000").authenticationFailure())
                .as("counted once").isFalse();
        assertThat(line("101", "Connection closed by 203.0.113.5 port 4000").authenticationFailure())
                .as("another process knows nothing of it").isFalse();
    }

    @Test
    void aTypicalGuessIsCountedOncePerSshdVerdict() {
        String[] session = {"Invalid user admin from 203.0.113.8 port 41000",
                "pam_unix(sshd:auth): check pass; user unknown",
                "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.8",
                "Failed password for invalid user admin from 203.0.113.8 port 41000 ssh2",
                "Received disconnect from 203.0.113.8 port 41000:11: Bye Bye [preauth]",
                "Disconnected from invalid user admin 203.0.113.8 port 41000 [preauth]"};
        List<AuthAction> counted = new ArrayList<>();
        List<AuthAction> probes = new ArrayList<>();
        for (String message : session) {
            AuthEvent event = line("150", message);
            assertThat(event.sourceIp()).as(message).isEqualTo("203.0.113.8");
            if (event.authenticationFailure()) {
                counted.add(event.action());
            }
            if (event.preAuthFailure()) {
                probes.add(event.action());
            }
        }
        // "Invalid user" and the "Failed password for invalid user" after it are one attempt (issue 18)
        assertThat(counted).containsExactly(AuthAction.INVALID_USER);
        assertThat(probes).containsExactly(AuthAction.PREAUTH_DISCONNECT);
    }

    @Test
    void anInvalidUserIsOneAttemptWithItsFirstTryAndEveryFurtherTryCounts() {
        List<Boolean> counted = new ArrayList<>();
        for (String message : List.of("Invalid user oracle from 203.0.113.9 port 40001",
                "Failed password for invalid user oracle from 203.0.113.9 port 40001 ssh2",
                "Failed password for invalid user oracle from 203.0.113.9 port 40001 ssh2",
                "Failed password for invalid user oracle from 203.0.113.9 port 40001 ssh2",
                "Connection closed by invalid user oracle 203.0.113.9 port 40001 [preauth]")) {
            counted.add(line("160", message).authenticationFailure());
        }
        assertThat(counted).containsExactly(true, false, true, true, false);

        // a client that leaves after the name is still one failure; another session starts afresh
        assertThat(line("161", "Invalid user test from 203.0.113.10 port 40002").authenticationFailure()).isTrue();
        assertThat(line("162", "Failed password for invalid user test from 203.0.113.10 port 40003 ssh2")
                .authenticationFailure()).isTrue();
    }

    @Test
    void aRepeatedMessageIsReadInsideAndCountsAsOftenAsItWasRepeated() {
        AuthEvent repeated = line("170",
                "message repeated 3 times: [ Failed password for root from 106.5.5.195 port 50719 ssh2]");
        assertThat(repeated.action()).isEqualTo(AuthAction.FAILED_PASSWORD);
        assertThat(repeated.user()).isEqualTo("root");
        assertThat(repeated.sourceIp()).isEqualTo("106.5.5.195");
        assertThat(repeated.authenticationFailure()).isTrue();
        assertThat(repeated.failures()).isEqualTo(3);
        assertThat(line("171", "Failed password for root from 106.5.5.196 port 50720 ssh2").failures()).isEqualTo(1);
    }

    @Test
    void pamsSummaryNamesTheClientAndIsNotCountedAgain() {
        AuthEvent summary = line("180", "PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= "
                + "rhost=119.4.203.64  user=root");
        assertThat(summary.action()).isEqualTo(AuthAction.PAM_MORE_FAILURES);
        assertThat(summary.sourceIp()).isEqualTo("119.4.203.64");
        assertThat(summary.user()).isEqualTo("root");
        assertThat(summary.times()).isEqualTo(2);
        assertThat(summary.authenticationFailure()).as("sshd reported each attempt itself").isFalse();
    }

    @Test
    void messagesWithoutAddressTakeTheSessionsAddress() {
        line("200", "Connection from 198.51.100.7 port 50100 on 192.0.2.1 port 22 rdomain \"\"");
        AuthEvent probe = line("200",
                "error: kex_exchange_identification: client sent invalid protocol identifier \"\"");
        assertThat(probe.preAuthFailure()).isTrue();
        assertThat(probe.sourceIp()).isEqualTo("198.51.100.7");
        assertThat(probe.sourcePort()).isEqualTo(50100);

        AuthEvent tooMany = line("200", "Disconnecting: Too many authentication failures for root [preauth]");
        assertThat(tooMany.authenticationFailure()).isTrue();
        assertThat(tooMany.sourceIp()).isEqualTo("198.51.100.7");
    }

    @Test
    void theTooManyFailuresDisconnectAfterMaximumAttemptsIsTheSameEvent() {
        assertThat(line("300", "error: maximum authentication attempts exceeded for admin from 192.0.2.9 port 1 ssh2 "
                + "[preauth]").authenticationFailure()).isTrue();
        AuthEvent disconnect = line("300",
                "Disconnecting authenticating user admin 192.0.2.9 port 1: Too many authentication failures [preauth]");
        assertThat(disconnect.action()).isEqualTo(AuthAction.TOO_MANY_FAILURES);
        assertThat(disconnect.authenticationFailure()).isFalse();
    }

    @Test
    void pamFailuresUnderSshdWaitForTheSessionsEnd() {
        // two PAM stacks: the first module fails, the second lets the same user in
        String pam = "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= "
                + "rhost=192.0.2.20  user=alice";
        assertThat(line("400", pam).authenticationFailure()).isFalse();
        assertThat(line("400", "Accepted password for alice from 192.0.2.20 port 6000 ssh2").authenticationFailure())
                .isFalse();

        // nobody got in: the held failure counts when the client leaves
        assertThat(line("401", pam.replace("192.0.2.20", "192.0.2.21")).authenticationFailure()).isFalse();
        AuthEvent closed = line("401", "Connection closed by 192.0.2.21 port 6001 [preauth]");
        assertThat(closed.authenticationFailure()).isTrue();
        assertThat(closed.preAuthFailure()).isTrue();
    }

    @Test
    void severalUserNamesInOneSessionAreASweepNotATypo() {
        String pam = "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser=%s "
                + "rhost=198.51.100.30";
        assertThat(line("500", pam.formatted("root")).authenticationFailure()).isFalse();
        assertThat(line("500", pam.formatted("root")).authenticationFailure()).isFalse();
        assertThat(line("500", pam.formatted("admin")).authenticationFailure()).isTrue();
        AuthEvent in = line("500", "Accepted password for backup from 198.51.100.30 port 7000 ssh2");
        assertThat(in.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(in.authenticationFailure()).as("in as another account than the ones that failed").isTrue();
        assertThat(line("500", "Connection closed by 198.51.100.30 port 7000").authenticationFailure()).isFalse();
    }

    @Test
    void publicKeysTriedInTurnAreRoutineUntilTheServerGivesUp() {
        String key = "Failed publickey for git from 192.0.2.40 port 8000 ssh2: ECDSA SHA256:k%d";
        assertThat(line("600", key.formatted(1)).authenticationFailure()).isFalse();
        assertThat(line("600", key.formatted(2)).authenticationFailure()).isFalse();
        assertThat(line("600", "Accepted publickey for git from 192.0.2.40 port 8000 ssh2: RSA SHA256:k3")
                .authenticationFailure()).isFalse();

        assertThat(line("601", key.formatted(1)).authenticationFailure()).isFalse();
        AuthEvent tooMany = line("601", "Disconnecting: Too many authentication failures for git [preauth]");
        assertThat(tooMany.authenticationFailure()).isTrue();
        assertThat(tooMany.sourceIp()).isEqualTo("192.0.2.40");

        assertThat(line("602", "Failed publickey for invalid user git from 192.0.2.41 port 1 ssh2: RSA SHA256:x")
                .authenticationFailure()).as("no such account: no routine").isTrue();
    }

    @Test
    void aNewConnectionInTheSamePidStartsAfresh() {
        line("700", "User root not allowed because account is locked");
        line("700", "Connection from 192.0.2.50 port 1 on 192.0.2.1 port 22");
        assertThat(line("700", "Connection closed by 192.0.2.50 port 1").authenticationFailure()).isFalse();
    }

    @Test
    void linesWithoutPidAreReadAlone() {
        assertThat(parser.parse("sshd", null, "h", "User root not allowed because account is locked"))
                .map(AuthEvent::authenticationFailure).contains(true);
        assertThat(sessions.size()).isZero();
    }

    @Test
    void theMemoryIsBounded() {
        AuthSessions small = new AuthSessions(3);
        AuthParser bounded = new AuthParser(small);
        bounded.parse("sshd", "0", "h", "User root not allowed because account is locked");
        for (int pid = 1; pid <= 100; pid++) {
            bounded.parse("sshd", Integer.toString(pid), "h", "Connection from 192.0.2.1 port " + (1000 + pid));
        }
        assertThat(small.size()).isEqualTo(3);
        assertThat(bounded.parse("sshd", "0", "h", "Connection closed by 192.0.2.1 port 1000"))
                .as("the oldest session was forgotten").map(AuthEvent::authenticationFailure).contains(false);
    }

    @Test
    void sessionsOfDifferentHostsAndProgramsDoNotMix() {
        parser.parse("sshd", "800", "web1", "User root not allowed because account is locked");
        assertThat(parser.parse("sshd", "800", "web2", "Connection closed by 192.0.2.60 port 1"))
                .map(AuthEvent::authenticationFailure).contains(false);
        assertThat(parser.parse("sshd", "800", "web1", "Connection closed by 192.0.2.60 port 1"))
                .map(AuthEvent::authenticationFailure).contains(true);
    }

    @Test
    void concurrentStreamsAreSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String pid = "9" + t;
                results.add(pool.submit(() -> {
                    int counted = 0;
                    for (int i = 0; i < 500; i++) {
                        // once the first close named the client, the refusal counts on its own line
                        for (String message : new String[]{"User root not allowed because account is locked",
                                "Connection closed by 192.0.2.70 port 1"}) {
                            counted += parser.parse("sshd", pid, "h", message).filter(AuthEvent::authenticationFailure)
                                    .isPresent() ? 1 : 0;
                        }
                    }
                    return counted;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(500);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
