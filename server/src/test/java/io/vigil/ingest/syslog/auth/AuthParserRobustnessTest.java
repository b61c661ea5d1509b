package io.vigil.ingest.syslog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Unknown and hostile messages: an empty result, quickly, never an exception. */
class AuthParserRobustnessTest {

    /** Guards against a hang (catastrophic backtracking), not a speed measurement: the machine is shared. */
    private static final Duration HANG = Duration.ofSeconds(60);

    private static final List<String> PROGRAMS = List.of("sshd", "sudo", "su", "dropbear", "vsftpd");

    private final AuthParser parser = new AuthParser();

    @Test
    void unknownMessagesGiveNothing() {
        assertThat(parser.parse("sshd", "1", "h", "Server listening on :: port 22.")).isEmpty();
        assertThat(parser.parse("sudo", null, "h", "unable to resolve host web1")).isEmpty();
        assertThat(parser.parse(null, null, null, "")).isEmpty();
        assertThat(parser.parse(null, null, null, null)).isEmpty();
        assertThat(parser.parse("dropbear", "1", "h", "Bad password attempt for 'root' from nowhere")).isEmpty();
    }

    @Test
    void aHundredKilobytesOfGarbageIsRefusedFast() {
        String garbage = randomText(100_000, 1);
        assertTimeoutPreemptively(HANG, () -> {
            for (String program : PROGRAMS) {
                assertThat(parser.parse(program, "1", "h", garbage)).isEmpty();
            }
        });
    }

    @Test
    void longHostileMessagesBelowTheLimitFinishFast() {
        int size = AuthParser.MAX_MESSAGE_LENGTH - 200;
        List<String> hostile = List.of(
                "Failed password for " + " from 192.0.2.1x".repeat(size / 17),
                "Failed password for invalid user " + "a".repeat(size) + " from",
                "Invalid user " + "a ".repeat(size / 2),
                "Connection closed by authenticating user " + "x port 1 ".repeat(size / 9),
                "Disconnecting invalid user " + " port 1:".repeat(size / 8),
                "Received disconnect from " + "1:".repeat(size / 2),
                "Bad protocol version identification '" + "' from ".repeat(size / 8),
                "Timeout before authentication for " + "1".repeat(size),
                "no matching " + "a ".repeat(size / 2),
                "User " + "x".repeat(size) + " not allowed because",
                "pam_unix(sshd:auth): authentication failure; ruser=" + " rhost=x".repeat(size / 8),
                "pam_unix(sshd:session): session opened for user " + "(uid=1)".repeat(size / 7),
                "Bad password attempt for '" + "'".repeat(size) + " from",
                "Pubkey auth succeeded for '" + "' with ".repeat(size / 8),
                "Exit before auth (user '" + "', 1 fails".repeat(size / 11),
                "ann : " + " ; ".repeat(size / 3),
                "type=USER_AUTH msg=audit(1:1): msg='" + "a=\"".repeat(size / 3),
                randomText(size, 2), randomText(size, 3));
        assertTimeoutPreemptively(HANG, () -> {
            for (String message : hostile) {
                for (String program : PROGRAMS) {
                    parser.parse(program, "1", "h", message);
                }
                parser.parse(null, null, null, message);
            }
        });
    }

    private static String randomText(int length, long seed) {
        Random random = new Random(seed);
        String alphabet = "ab :;'\"()[]<>=.,-0123456789from port user ssh2 rhost=";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
