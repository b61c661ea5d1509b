package io.vigil.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SyslogParserTest {

    private final SyslogParser parser = new SyslogParser(Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void rfc5424WithStructuredData() {
        SyslogMessage message = parser.parse(
                "<165>1 2026-01-01T22:14:15.003Z mymachine.example.com evntslog 4242 ID47 [exampleSDID@32473 iut=\"3\" "
                        + "eventSource=\"Application\"] An application event log entry");
        assertThat(message.format()).isEqualTo("rfc5424");
        assertThat(message.facility()).isEqualTo(20);
        assertThat(message.severity()).isEqualTo(5);
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2026-01-01T22:14:15.003Z"));
        assertThat(message.host()).isEqualTo("mymachine.example.com");
        assertThat(message.app()).isEqualTo("evntslog");
        assertThat(message.procId()).isEqualTo("4242");
        assertThat(message.msgId()).isEqualTo("ID47");
        assertThat(message.message()).isEqualTo("An application event log entry");
    }

    @Test
    void rfc5424WithNilValuesAndNoMessage() {
        SyslogMessage message = parser.parse("<13>1 - - - - - -");
        assertThat(message.format()).isEqualTo("rfc5424");
        assertThat(message.timestamp()).isNull();
        assertThat(message.host()).isNull();
        assertThat(message.message()).isEmpty();
    }

    @Test
    void rfc3164FromAFileWithoutPriority() {
        SyslogMessage message = parser.parse(
                "Feb 25 14:34:10 bastion sshd[31602]: Failed password for invalid user oracle from 203.0.113.17 port 50273 ssh2");
        assertThat(message.format()).isEqualTo("rfc3164");
        assertThat(message.priority()).isNull();
        assertThat(message.timestamp()).as("February is after now in January: last year")
                .isEqualTo(Instant.parse("2025-02-25T14:34:10Z"));
        assertThat(message.host()).isEqualTo("bastion");
        assertThat(message.app()).isEqualTo("sshd");
        assertThat(message.procId()).isEqualTo("31602");
        assertThat(message.message()).startsWith("Failed password for invalid user oracle");
    }

    @Test
    void rfc3164WithPriorityAndASingleDigitDay() {
        SyslogMessage message = parser.parse("<38>Jan  1 23:59:59 web01 sudo: alice : TTY=pts/0 ; COMMAND=/bin/ls");
        assertThat(message.severity()).isEqualTo(6);
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2026-01-01T23:59:59Z"));
        assertThat(message.app()).isEqualTo("sudo");
        assertThat(message.procId()).isNull();
        assertThat(message.message()).isEqualTo("alice : TTY=pts/0 ; COMMAND=/bin/ls");
    }

    @Test
    void aBracketedTagWithoutHostAndAJournalLineWithoutTime() {
        SyslogMessage bracketed = parser.parse("Mar  3 00:17:22 [sshd]: User root from 198.51.100.49 not allowed");
        assertThat(bracketed.host()).isNull();
        assertThat(bracketed.app()).isEqualTo("sshd");

        SyslogMessage journal = parser
                .parse("srv sshd[13709]: error: PAM: Authentication failure for x from 192.0.2.6");
        assertThat(journal.timestamp()).isNull();
        assertThat(journal.host()).isEqualTo("srv");
        assertThat(journal.procId()).isEqualTo("13709");
        assertThat(journal.message()).startsWith("error: PAM:");
    }

    @Test
    void anIsoTimeInPlaceOfTheBsdOne() {
        SyslogMessage message = parser
                .parse("2026-01-01T10:00:00.123+01:00 fw kernel: [UFW BLOCK] IN=eth0 SRC=192.0.2.1");
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2026-01-01T09:00:00.123Z"));
        assertThat(message.app()).isEqualTo("kernel");
        assertThat(message.message()).startsWith("[UFW BLOCK]");
    }

    @Test
    void garbageIsKeptWholeAsTheMessage() {
        SyslogMessage message = parser.parse("\u0001\u0002 not syslog at all");
        assertThat(message.format()).isEqualTo("unstructured");
        assertThat(message.message()).isEqualTo("\u0001\u0002 not syslog at all".strip());
    }
}
