package io.vigil.ingest.syslog.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** sshd messages read one at a time: what each says, and the client's address found in it. */
class AuthParserSshdTest {

    private final AuthParser parser = new AuthParser();

    /** Without a pid: each line read alone, as the lines here are unrelated. */
    private AuthEvent sshd(String message) {
        return parser.parse("sshd", null, "bastion", message).orElseThrow();
    }

    @Test
    void failedPasswordForAnExistingAndAnUnknownAccount() {
        AuthEvent known = sshd("Failed password for alice from 198.51.100.23 port 40022 ssh2");
        assertThat(known.action()).isEqualTo(AuthAction.FAILED_PASSWORD);
        assertThat(known.action().code()).isEqualTo("failed-password");
        assertThat(known.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(known.user()).isEqualTo("alice");
        assertThat(known.sourceIp()).isEqualTo("198.51.100.23");
        assertThat(known.sourcePort()).isEqualTo(40022);
        assertThat(known.authenticationFailure()).isTrue();
        assertThat(known.preAuthFailure()).isFalse();

        AuthEvent unknown = sshd("Failed password for invalid user oracle from 2001:DB8:0:0::7 port 5122 ssh2");
        assertThat(unknown.user()).isEqualTo("oracle");
        assertThat(unknown.sourceIp()).as("canonical IPv6").isEqualTo("2001:db8::7");
        assertThat(unknown.authenticationFailure()).isTrue();
    }

    @Test
    void otherMethodsOlderFormatsAndLevelPrefixes() {
        assertThat(sshd("Failed keyboard-interactive/pam for invalid user test from 203.0.113.9 port 2222 ssh2"))
                .extracting(AuthEvent::action, AuthEvent::user, AuthEvent::sourceIp)
                .containsExactly(AuthAction.FAILED_OTHER_METHOD, "test", "203.0.113.9");
        assertThat(sshd("Failed password for bob from 203.0.113.10").sourcePort()).isNull();
        assertThat(sshd("[ID 800047 auth.info] Failed keyboard-interactive for <invalid username> from 203.0.113.11 "
                + "port 1022 ssh2")).extracting(AuthEvent::user, AuthEvent::sourceIp).containsExactly(null,
                        "203.0.113.11");
        assertThat(sshd("error: PAM: Authentication failure for carol from host7.example.org").sourceDomain())
                .isEqualTo("host7.example.org");
        assertThat(sshd("error: PAM: authentication error for dave from Mail.Example.net via 192.0.2.200"))
                .extracting(AuthEvent::user, AuthEvent::sourceDomain).containsExactly("dave", "mail.example.net");
    }

    @Test
    void theSourceIsWhereSshdPutsItNotWhereTheClientsWordsDo() {
        // the user name and the key details after ": " are the client's; sshd's own " from ADDR port N ssh2"
        // is the one followed by the end or by ": "
        assertThat(
                sshd("Failed password for invalid user eve from 192.0.2.66 port 1 ssh2 from 198.51.100.5 port 2 ssh2")
                        .sourceIp())
                .isEqualTo("198.51.100.5");
        assertThat(
                sshd("Failed password for invalid user eve from 198.51.100.5 port 2 ssh2: from 192.0.2.66 port 1 ssh2")
                        .sourceIp())
                .isEqualTo("198.51.100.5");
        assertThat(sshd("Failed password for invalid user from 192.0.2.66 from 198.51.100.5 port 2 ssh2"))
                .extracting(AuthEvent::user, AuthEvent::sourceIp).containsExactly("from 192.0.2.66", "198.51.100.5");
        assertThat(sshd(
                "Connection closed by authenticating user mallory 192.0.2.66 port 9 198.51.100.5 port 2 [preauth]"))
                .extracting(AuthEvent::user, AuthEvent::sourceIp, AuthEvent::sourcePort)
                .containsExactly("mallory 192.0.2.66 port 9", "198.51.100.5", 2);
        assertThat(sshd("Bad protocol version identification 'x' from 192.0.2.66' from 198.51.100.5 port 31000")
                .sourceIp()).isEqualTo("198.51.100.5");
    }

    @Test
    void mappedAddressesAndLeadingZeros() {
        assertThat(sshd("ROOT LOGIN REFUSED FROM ::ffff:203.0.113.77").sourceIp()).isEqualTo("203.0.113.77");
        assertThat(sshd("Invalid user admin from 198.051.100.009 port 4000").sourceIp())
                .as("leading zeros read as decimal, as Documents.ip does").isEqualTo("198.51.100.9");
        assertThat(sshd("refused connect from garbage@::ffff:192.0.2.44 (::ffff:192.0.2.44)").sourceIp())
                .isEqualTo("192.0.2.44");
    }

    @Test
    void accountRefusals() {
        assertThat(sshd("Invalid user  from 192.0.2.68 port 34000"))
                .extracting(AuthEvent::action, AuthEvent::user, AuthEvent::sourceIp)
                .containsExactly(AuthAction.INVALID_USER, null, "192.0.2.68");
        assertThat(sshd("User root from 203.0.113.40 not allowed because listed in DenyUsers"))
                .extracting(AuthEvent::action, AuthEvent::user, AuthEvent::authenticationFailure)
                .containsExactly(AuthAction.USER_NOT_ALLOWED, "root", true);
        assertThat(sshd("error: PAM: User not known to the underlying authentication module for illegal user ghost "
                + "from 203.0.113.41 ")).extracting(AuthEvent::action, AuthEvent::user)
                .containsExactly(AuthAction.INVALID_USER, "ghost");
        assertThat(sshd("error: maximum authentication attempts exceeded for invalid user x1 from 203.0.113.42 port 50 "
                + "ssh2 [preauth]")).extracting(AuthEvent::action, AuthEvent::user, AuthEvent::authenticationFailure)
                .containsExactly(AuthAction.MAX_ATTEMPTS_EXCEEDED, "x1", true);
        assertThat(sshd("Received disconnect from 203.0.113.43 port 7000:3: com.jcraft.jsch.JSchException: Auth fail "
                + "[preauth]").authenticationFailure()).isTrue();
    }

    @Test
    void successesAreNotFailures() {
        AuthEvent accepted = sshd("Accepted publickey for deploy from 192.0.2.30 port 51000 ssh2: ED25519 SHA256:abc");
        assertThat(accepted.action()).isEqualTo(AuthAction.ACCEPTED_PUBLICKEY);
        assertThat(accepted.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(accepted.user()).isEqualTo("deploy");
        assertThat(accepted.authenticationFailure()).isFalse();
        assertThat(sshd("Accepted password for ops from 192.0.2.31 port 51001 ssh2").action().code())
                .isEqualTo("accepted-password");
    }

    @Test
    void probesBeforeAuthenticationAreTheirOwnKind() {
        for (String message : new String[]{"Did not receive identification string from 203.0.113.50 port 1",
                "Unable to negotiate with 203.0.113.51 port 2: no matching host key type found. Their offer: ssh-dss",
                "banner exchange: Connection from 203.0.113.52 port 3: invalid format",
                "fatal: Timeout before authentication for 203.0.113.53 port 4",
                "Received disconnect from 203.0.113.54 port 5:14: No supported authentication methods available [preauth]",
                "Connection closed by 203.0.113.55 port 6 [preauth]",
                "Disconnected from invalid user x 203.0.113.56 port 7 [preauth]"}) {
            AuthEvent event = parser.parse("sshd", null, "bastion", message).orElseThrow();
            assertThat(event.preAuthFailure()).as(message).isTrue();
            assertThat(event.authenticationFailure()).as(message).isFalse();
            assertThat(event.sourceIp()).as(message).startsWith("203.0.113.5");
        }
    }

    @Test
    void closesAfterAuthenticationAndInformationalLines() {
        assertThat(sshd("Connection closed by 192.0.2.80 port 3000"))
                .extracting(AuthEvent::action, AuthEvent::preAuthFailure, AuthEvent::authenticationFailure)
                .containsExactly(AuthAction.CONNECTION_CLOSED, false, false);
        assertThat(sshd("Address 192.0.2.81 maps to host.example.com, but this does not map back to the address - "
                + "POSSIBLE BREAK-IN ATTEMPT!")).extracting(AuthEvent::action, AuthEvent::authenticationFailure)
                .containsExactly(AuthAction.REVERSE_MAPPING_MISMATCH, false);
        assertThat(parser.parse("sshd", "1", "h", "Connection reset by peer")).isEmpty();
        assertThat(parser.parse("sshd", "1", "h", "Server listening on 0.0.0.0 port 22.")).isEmpty();
    }

    @Test
    void newerDaemonNamesAndJournalKernelStamps() {
        assertThat(parser.parse("sshd-session", "9", "h", "Failed password for root from 192.0.2.90 port 1 ssh2"))
                .map(AuthEvent::authenticationFailure).contains(true);
        assertThat(parser.parse("/usr/sbin/sshd", "9", "h",
                "kernel:[  970.699396]: Failed password for root from 192.0.2.91 port 1 ssh2"))
                .map(AuthEvent::sourceIp).contains("192.0.2.91");
        assertThat(parser.parse("cron", "9", "h", "Failed password for root from 192.0.2.92 port 1 ssh2"))
                .as("sshd's messages only from sshd").isEqualTo(Optional.empty());
    }
}
