package io.vigil.detect.match;

import static io.vigil.detect.match.TestRules.matches;
import static io.vigil.detect.match.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class EncodingModifiersTest {

    private static String b64(String s, java.nio.charset.Charset cs) {
        return Base64.getEncoder().encodeToString(s.getBytes(cs));
    }

    @Test
    void base64EncodesTheValue() {
        RuleMatcher r = rule("""
                    sel:
                        Data|base64: 'http://'
                    condition: sel
                """);
        assertThat(matches(r, "{\"Data\":\"" + b64("http://", StandardCharsets.UTF_8) + "\"}")).isTrue();
    }

    @Test
    void base64offsetFindsTheValueAtEveryByteOffset() {
        RuleMatcher r = rule("""
                    sel:
                        Data|base64offset|contains: 'Invoke-Mimikatz'
                    condition: sel
                """);
        for (String prefix : new String[]{"", "x", "xy", "xyz", "abcd"}) {
            String encoded = b64(prefix + "Invoke-Mimikatz -Command z", StandardCharsets.UTF_8);
            assertThat(matches(r, "{\"Data\":\"" + encoded + "\"}")).as("prefix '%s'", prefix).isTrue();
        }
        assertThat(matches(r, "{\"Data\":\"" + b64("harmless text here", StandardCharsets.UTF_8) + "\"}")).isFalse();
    }

    @Test
    void utf16VariantsThenBase64() {
        RuleMatcher le = rule("""
                    sel:
                        Data|utf16le|base64offset|contains: 'cmd'
                    condition: sel
                """);
        RuleMatcher wide = rule("""
                    sel:
                        Data|wide|base64offset|contains: 'cmd'
                    condition: sel
                """);
        RuleMatcher be = rule("""
                    sel:
                        Data|utf16be|base64: 'cmd'
                    condition: sel
                """);
        RuleMatcher bom = rule("""
                    sel:
                        Data|utf16|base64: 'cmd'
                    condition: sel
                """);
        String leEncoded = b64("run cmd now", StandardCharsets.UTF_16LE);
        assertThat(matches(le, "{\"Data\":\"" + leEncoded + "\"}")).isTrue();
        assertThat(matches(wide, "{\"Data\":\"" + leEncoded + "\"}")).isTrue();
        assertThat(matches(be, "{\"Data\":\"" + b64("cmd", StandardCharsets.UTF_16BE) + "\"}")).isTrue();
        byte[] withBom = {(byte) 0xff, (byte) 0xfe, 'c', 0, 'm', 0, 'd', 0};
        assertThat(matches(bom, "{\"Data\":\"" + Base64.getEncoder().encodeToString(withBom) + "\"}")).isTrue();
    }
}
