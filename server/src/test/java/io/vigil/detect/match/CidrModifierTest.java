package io.vigil.detect.match;

import static io.vigil.detect.match.TestRules.matches;
import static io.vigil.detect.match.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vigil.detect.sigma.SigmaError;
import io.vigil.detect.sigma.SigmaParser;

class CidrModifierTest {

    private final RuleMatcher r = rule("""
                sel:
                    DestinationIp|cidr:
                        - '10.0.0.0/8'
                        - '192.168.0.0/16'
                        - 'fd00::/8'
                condition: not sel
            """);

    @Test
    void ipv4AndIpv6Containment() {
        assertThat(matches(r, "{\"DestinationIp\":\"10.1.2.3\"}")).isFalse();
        assertThat(matches(r, "{\"DestinationIp\":\"192.168.4.4\"}")).isFalse();
        assertThat(matches(r, "{\"DestinationIp\":\"fd12:3456::1\"}")).isFalse();
        assertThat(matches(r, "{\"DestinationIp\":\"8.8.8.8\"}")).isTrue();
        assertThat(matches(r, "{\"DestinationIp\":\"2001:db8::1\"}")).isTrue();
        assertThat(matches(r, "{\"DestinationIp\":\"not an ip\"}")).isTrue();
    }

    @Test
    void ipv4MappedIpv6AddressIsInsideIpv4Network() {
        assertThat(matches(r, "{\"DestinationIp\":\"::ffff:10.0.0.1\"}")).isFalse();
    }

    @Test
    void invalidNetworkIsRefused() {
        var result = new SigmaParser().parseOne("""
                title: bad cidr
                logsource: {product: test}
                detection:
                    sel:
                        Ip|cidr: '10.0.0.300/8'
                    condition: sel
                """);
        assertThat(result).isInstanceOfSatisfying(SigmaError.class,
                e -> assertThat(e.feature()).isEqualTo("cidr:invalid"));
    }
}
