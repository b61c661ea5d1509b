package io.vigil.ingest.syslog.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FirewallParserTest {

    private final FirewallParser parser = new FirewallParser();

    @Test
    void aUfwBlockWithKernelTimestamp() {
        FirewallEvent event = parser.parse("[84211.512345] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:"
                + "43:21:08:00 SRC=203.0.113.5 DST=198.51.100.7 LEN=60 TOS=0x00 PREC=0x00 TTL=49 ID=0 DF PROTO=TCP "
                + "SPT=51234 DPT=22 WINDOW=29200 RES=0x00 SYN URGP=0 ").orElseThrow();
        assertThat(event.prefix()).isEqualTo("UFW BLOCK");
        assertThat(event.action()).isEqualTo(FirewallAction.REJECT);
        assertThat(event.action().code()).isEqualTo("reject");
        assertThat(event.inInterface()).isEqualTo("eth0");
        assertThat(event.outInterface()).isNull();
        assertThat(event.sourceIp()).isEqualTo("203.0.113.5");
        assertThat(event.sourcePort()).isEqualTo(51234);
        assertThat(event.destinationIp()).isEqualTo("198.51.100.7");
        assertThat(event.destinationPort()).isEqualTo(22);
        assertThat(event.transport()).isEqualTo("tcp");
        assertThat(event.bytes()).isEqualTo(60L);
        assertThat(event.packets()).isEqualTo(1);
    }

    @Test
    void ufwVerdicts() {
        String packet = " IN=eth0 OUT= SRC=192.0.2.1 DST=192.0.2.2 LEN=40 PROTO=UDP SPT=5353 DPT=53 LEN=20";
        assertThat(parser.parse("[UFW ALLOW]" + packet)).map(FirewallEvent::action).contains(FirewallAction.ACCEPT);
        assertThat(parser.parse("[UFW AUDIT]" + packet)).map(FirewallEvent::action).contains(FirewallAction.ACCEPT);
        assertThat(parser.parse("[UFW LIMIT BLOCK]" + packet)).map(FirewallEvent::action)
                .contains(FirewallAction.REJECT);
        assertThat(parser.parse("[UFW DENY]" + packet)).get().extracting(FirewallEvent::transport,
                FirewallEvent::bytes).as("the IP length, not the UDP one").containsExactly("udp", 40L);
    }

    @Test
    void iptablesPrefixesNameTheVerdict() {
        String packet = "IN=ens3 OUT=ens4 SRC=198.51.100.20 DST=203.0.113.30 LEN=52 PROTO=TCP SPT=1 DPT=443";
        assertThat(parser.parse("IPTABLES-DROP: " + packet)).get()
                .extracting(FirewallEvent::prefix, FirewallEvent::action, FirewallEvent::outInterface)
                .containsExactly("IPTABLES-DROP", FirewallAction.REJECT, "ens4");
        assertThat(parser.parse("DROP " + packet)).map(FirewallEvent::action).contains(FirewallAction.REJECT);
        assertThat(parser.parse("fw-accept " + packet)).map(FirewallEvent::action).contains(FirewallAction.ACCEPT);
        assertThat(parser.parse("INPUT-LOG " + packet)).map(FirewallEvent::action).contains(FirewallAction.UNKNOWN);
        assertThat(parser.parse("REJECTED" + packet)).as("a prefix without trailing space is glued to IN=").get()
                .extracting(FirewallEvent::prefix, FirewallEvent::action)
                .containsExactly("REJECTED", FirewallAction.REJECT);
        assertThat(parser.parse(packet)).get().extracting(FirewallEvent::prefix, FirewallEvent::action)
                .containsExactly(null, FirewallAction.UNKNOWN);
    }

    @Test
    void ipv6AndIcmpWithTheQuotedPacketIgnored() {
        FirewallEvent v6 = parser.parse("kernel: [  12.5] [UFW BLOCK] IN=eth0 OUT= MAC=33:33:00:00:00:01 "
                + "SRC=2001:0db8:0000:0000:0000:0000:0000:0001 DST=2001:db8::2 LEN=104 TC=0 HOPLIMIT=64 FLOWLBL=0 "
                + "PROTO=ICMPv6 TYPE=128 CODE=0 ID=7 SEQ=1").orElseThrow();
        assertThat(v6.sourceIp()).isEqualTo("2001:db8::1");
        assertThat(v6.transport()).isEqualTo("ipv6-icmp");
        assertThat(v6.sourcePort()).isNull();

        FirewallEvent icmp = parser.parse("DROP IN=eth0 OUT= SRC=192.0.2.9 DST=192.0.2.10 LEN=84 PROTO=ICMP TYPE=3 "
                + "CODE=3 [SRC=192.0.2.10 DST=192.0.2.9 LEN=56 PROTO=UDP SPT=40000 DPT=33434 LEN=36 ]").orElseThrow();
        assertThat(icmp).extracting(FirewallEvent::sourceIp, FirewallEvent::transport, FirewallEvent::bytes,
                FirewallEvent::destinationPort).containsExactly("192.0.2.9", "icmp", 84L, null);

        assertThat(parser.parse("IN=eth0 OUT= SRC=192.0.2.9 DST=192.0.2.10 LEN=60 PROTO=47")).map(
                FirewallEvent::transport).contains("gre");
    }

    @Test
    void otherKernelLinesAndBrokenFieldsGiveNothing() {
        assertThat(parser.parse("[  3.1] e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex")).isEmpty();
        assertThat(parser.parse("[UFW BLOCK] IN=eth0 OUT= SRC=not-an-ip DST=192.0.2.1 LEN=1 PROTO=TCP")).isEmpty();
        assertThat(parser.parse("[UFW BLOCK] IN=eth0 OUT= DST=192.0.2.1")).isEmpty();
        assertThat(parser.parse(null)).isEmpty();
    }

    @Test
    void longGarbageFinishesFast() {
        String garbage = "IN= OUT= ".repeat(12_000) + "SRC=" + "1".repeat(50_000);
        String underLimit = "IN=a OUT=b " + "X=[".repeat(1000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertThat(parser.parse(garbage)).isEmpty();
            assertThat(parser.parse(underLimit)).isEmpty();
        });
    }
}
