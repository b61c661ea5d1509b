package io.vigil.ingest.syslog.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PAM under any program, sudo, su, dropbear and audit records. */
class AuthParserOtherDaemonsTest {

    private final AuthParser parser = new AuthParser();

    @Test
    void pamFailuresOfNetworkServicesCount() {
        AuthEvent ftp = parser.parse("vsftpd", null, "files",
                "pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=guest "
                        + "rhost=ftp-client.example.com")
                .orElseThrow();
        assertThat(ftp.action()).isEqualTo(AuthAction.AUTH_FAILURE);
        assertThat(ftp.user()).as("ruser when there is no user field").isEqualTo("guest");
        assertThat(ftp.sourceDomain()).isEqualTo("ftp-client.example.com");
        assertThat(ftp.authenticationFailure()).isTrue();

        assertThat(parser.parse("proftpd", null, "files",
                "(pam_unix) authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=192.0.2.15  user=mark"))
                .get().extracting(AuthEvent::user, AuthEvent::sourceIp).containsExactly("mark", "192.0.2.15");
        assertThat(parser.parse("dovecot", null, "mail",
                "pam_sss(dovecot:auth): authentication failure; logname= uid=0 euid=0 tty=dovecot ruser=kim "
                        + "rhost=2001:db8::15 user=kim"))
                .map(AuthEvent::sourceIp).contains("2001:db8::15");
    }

    @Test
    void theRealRhostIsTheOneFollowedOnlyByTheUserField() {
        // ruser and user are the client's words and may spell "rhost=" themselves
        assertThat(parser.parse("svc", null, "h", "pam_unix(auth): authentication failure; logname= uid=0 euid=0 "
                + "tty=x ruser=joe rhost=192.0.2.99 rhost=198.51.100.1")).get()
                .extracting(AuthEvent::user, AuthEvent::sourceIp)
                .containsExactly("joe rhost=192.0.2.99", "198.51.100.1");
        assertThat(parser.parse("svc", null, "h", "pam_unix(auth): authentication failure; logname= uid=0 euid=0 "
                + "tty=x ruser= rhost=198.51.100.2 user=joe rhost=192.0.2.99")).get()
                .extracting(AuthEvent::user, AuthEvent::sourceIp)
                .containsExactly("joe rhost=192.0.2.99", "198.51.100.2");
    }

    @Test
    void pamSessions() {
        AuthEvent ssh = parser.parse("sshd", "12", "h", "pam_unix(sshd:session): session opened for user ann(uid=1000) "
                + "by (uid=0)").orElseThrow();
        assertThat(ssh).extracting(AuthEvent::action, AuthEvent::outcome, AuthEvent::user, AuthEvent::targetUser)
                .containsExactly(AuthAction.SESSION_OPENED, Outcome.SUCCESS, "ann", null);
        AuthEvent su = parser.parse("su", "13", "h", "pam_unix(su:session): session opened for user root(uid=0) by "
                + "ann(uid=1000)").orElseThrow();
        assertThat(su).extracting(AuthEvent::user, AuthEvent::targetUser).containsExactly("ann", "root");
        assertThat(parser.parse("systemd-logind", null, "h", "pam_unix(login:session): session closed for user ann"))
                .map(AuthEvent::action).contains(AuthAction.SESSION_CLOSED);
    }

    @Test
    void sudoCommandsAndRefusals() {
        AuthEvent ran = parser.parse("sudo", null, "h",
                "    ann : TTY=pts/0 ; PWD=/home/ann ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx ; echo")
                .orElseThrow();
        assertThat(ran).extracting(AuthEvent::action, AuthEvent::outcome, AuthEvent::user, AuthEvent::targetUser,
                AuthEvent::command).containsExactly(AuthAction.SUDO_COMMAND, Outcome.SUCCESS, "ann", "root",
                        "/usr/bin/systemctl restart nginx ; echo");

        AuthEvent wrong = parser.parse("sudo", "77", "h",
                "ann : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/ann ; USER=root ; COMMAND=/bin/ls")
                .orElseThrow();
        assertThat(wrong.action().code()).isEqualTo("sudo-auth-failure");
        assertThat(wrong.authenticationFailure()).as("a local failure has no address and is counted at once")
                .isTrue();
        assertThat(wrong.sourceIp()).isNull();

        AuthEvent denied = parser.parse("sudo", null, "h",
                "ann : user NOT in sudoers ; TTY=pts/0 ; PWD=/home/ann ; USER=root ; COMMAND=/bin/sh").orElseThrow();
        assertThat(denied).extracting(AuthEvent::action, AuthEvent::outcome, AuthEvent::authenticationFailure)
                .containsExactly(AuthAction.SUDO_DENIED, Outcome.FAILURE, false);

        assertThat(parser.parse("sudo", null, "h", "pam_unix(sudo:auth): authentication failure; logname=ann "
                + "uid=1000 euid=0 tty=/dev/pts/0 ruser=ann rhost=  user=ann")).get()
                .as("sudo's own line counts; the module's is kept, not counted twice")
                .extracting(AuthEvent::outcome, AuthEvent::authenticationFailure)
                .containsExactly(Outcome.FAILURE, false);
    }

    @Test
    void suVerdicts() {
        assertThat(parser.parse("su", "5", "h", "FAILED SU (to root) ann on pts/1")).get()
                .extracting(AuthEvent::action, AuthEvent::user, AuthEvent::targetUser, AuthEvent::authenticationFailure)
                .containsExactly(AuthAction.SU_FAILURE, "ann", "root", true);
        assertThat(parser.parse("su", "6", "h", "(to postgres) ann on pts/1")).get()
                .extracting(AuthEvent::action, AuthEvent::targetUser)
                .containsExactly(AuthAction.SU_SUCCESS, "postgres");
        assertThat(parser.parse("su", null, "h", "- pts/2 ann:root")).map(AuthEvent::action)
                .contains(AuthAction.SU_FAILURE);
    }

    @Test
    void dropbear() {
        assertThat(parser.parse("dropbear", "21", "gw", "Bad password attempt for 'root' from 198.51.100.87:5543"))
                .get().extracting(AuthEvent::action, AuthEvent::user, AuthEvent::sourceIp, AuthEvent::sourcePort)
                .containsExactly(AuthAction.FAILED_PASSWORD, "root", "198.51.100.87", 5543);
        assertThat(parser.parse("dropbear", "22", "gw",
                "login attempt for nonexistent user from ::ffff:198.51.100.88:60000")).get()
                .extracting(AuthEvent::action, AuthEvent::sourceIp).containsExactly(AuthAction.INVALID_USER,
                        "198.51.100.88");
        assertThat(parser.parse("dropbear", "23", "gw", "[23] Jan  9 10:00:00 Exit before auth from "
                + "<[2001:db8::9]:2200>: (user 'admin', 10 fails): Max auth tries reached - user 'admin'")).get()
                .extracting(AuthEvent::action, AuthEvent::user, AuthEvent::sourceIp, AuthEvent::authenticationFailure)
                .containsExactly(AuthAction.TOO_MANY_FAILURES, "admin", "2001:db8::9", true);
        assertThat(parser.parse("dropbear", "24", "gw", "Exit before auth from <198.51.100.89:1>: Max auth tries "
                + "reached - user 'is invalid'")).map(AuthEvent::user).isEmpty();
        assertThat(parser.parse("dropbear", "25", "gw", "Password auth succeeded for 'root' from 198.51.100.90:2"))
                .map(AuthEvent::outcome).contains(Outcome.SUCCESS);
        assertThat(parser.parse("dropbear", "26", "gw", "Pubkey auth succeeded for 'ops' with ssh-ed25519 key "
                + "SHA256:abc from 198.51.100.91:3")).get()
                .extracting(AuthEvent::action, AuthEvent::user, AuthEvent::sourceIp)
                .containsExactly(AuthAction.ACCEPTED_PUBLICKEY, "ops", "198.51.100.91");
    }

    @Test
    void auditRecords() {
        String record = "type=USER_AUTH msg=audit(1700000000.000:10): pid=42 uid=0 auid=4294967295 ses=4294967295 "
                + "subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=PAM:authentication grantors=? acct=\"ann\" "
                + "exe=\"/usr/sbin/sshd\" hostname=192.0.2.77 addr=192.0.2.77 terminal=ssh res=failed'";
        assertThat(parser.parse(null, null, null, record)).get()
                .extracting(AuthEvent::action, AuthEvent::user, AuthEvent::sourceIp, AuthEvent::authenticationFailure)
                .containsExactly(AuthAction.AUTH_FAILURE, "ann", "192.0.2.77", true);

        // the login record repeats the failure; the account name comes hex-encoded when it held a space
        String login = "type=USER_LOGIN msg=audit(1700000000.000:11): pid=42 uid=0 auid=4294967295 ses=4294967295 "
                + "msg='op=login acct=28696E76616C6964207573657229 exe=\"/usr/sbin/sshd\" hostname=? "
                + "addr=192.0.2.77 terminal=ssh res=failed'";
        assertThat(parser.parse(null, null, null, login)).get()
                .extracting(AuthEvent::action, AuthEvent::outcome, AuthEvent::user, AuthEvent::authenticationFailure)
                .containsExactly(AuthAction.LOGIN, Outcome.FAILURE, null, false);

        assertThat(parser.parse("kernel", null, "h", "audit: type=1100 audit(1700000000.000:12): pid=43 uid=0 "
                + "msg='op=PAM:authentication acct=\"bob\" exe=\"/usr/bin/sudo\" hostname=? addr=? terminal=pts/0 "
                + "res=success'")).get().extracting(AuthEvent::action, AuthEvent::outcome)
                .containsExactly(AuthAction.AUTH_SUCCESS, Outcome.SUCCESS);
    }
}
