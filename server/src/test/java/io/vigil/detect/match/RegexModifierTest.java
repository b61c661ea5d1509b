package io.vigil.detect.match;

import static io.vigil.detect.match.TestRules.matches;
import static io.vigil.detect.match.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vigil.detect.sigma.SigmaError;
import io.vigil.detect.sigma.SigmaParser;

class RegexModifierTest {

    @Test
    void regexIsCaseSensitiveAndUnanchoredByDefault() {
        RuleMatcher r = rule("""
                    sel:
                        CommandLine|re: '\\s-[Ee]nc(odedcommand)? [A-Za-z0-9+/=]{8,}'
                    condition: sel
                """);
        assertThat(matches(r, "{\"CommandLine\":\"powershell -enc SQBFAFgAKAA=\"}")).isTrue();
        assertThat(matches(r, "{\"CommandLine\":\"powershell -ENC SQBFAFgAKAA=\"}")).isFalse();
    }

    @Test
    void theRequiredTextFilterKeepsEveryCaseTheFlagAllows() {
        RuleMatcher r = rule("""
                    sel:
                        Name|re|i: '.+:assumed-role/aws:.+'
                    condition: sel
                """);
        assertThat(matches(r, "{\"Name\":\"arn:aws:sts::1:ASSUMED-ROLE/AWS:x\"}")).isTrue();
        assertThat(matches(r, "{\"Name\":\"arn:aws:sts::1:assumed-role/aws-reserved/x\"}")).isFalse();
    }

    @Test
    void subModifiersIgnoreCaseMultiLineDotAll() {
        RuleMatcher i = rule("""
                    sel:
                        Name|re|i: '^admin'
                    condition: sel
                """);
        RuleMatcher m = rule("""
                    sel:
                        Text|re|m: '^second$'
                    condition: sel
                """);
        RuleMatcher s = rule("""
                    sel:
                        Text|re|s: 'first.second'
                    condition: sel
                """);
        assertThat(matches(i, "{\"Name\":\"ADMINistrator\"}")).isTrue();
        assertThat(matches(m, "{\"Text\":\"first\\nsecond\\nthird\"}")).isTrue();
        assertThat(matches(s, "{\"Text\":\"first\\nsecond\"}")).isTrue();
        assertThat(matches(rule("""
                    sel:
                        Text|re: 'first.second'
                    condition: sel
                """), "{\"Text\":\"first\\nsecond\"}")).isFalse();
    }

    @Test
    void patternsRe2CannotRunAreRefusedWithTheFeature() {
        for (String re : new String[]{"(a)\\1", "foo(?=bar)", "(?<!x)y"}) {
            var result = new SigmaParser().parseOne("""
                    title: backref
                    logsource: {product: test}
                    detection:
                        sel:
                            Name|re: '%s'
                        condition: sel
                    """.formatted(re));
            assertThat(result).isInstanceOfSatisfying(SigmaError.class, e -> {
                assertThat(e.feature()).isEqualTo("re:unsupported-syntax");
                assertThat(e.path()).isEqualTo("detection.sel.Name|re");
                assertThat(e.title()).isEqualTo("backref");
            });
        }
    }

    @Test
    void regexRunsInLinearTimeOnPathologicalInput() {
        RuleMatcher r = rule("""
                    sel:
                        Text|re: '^(a+)+$'
                    condition: sel
                """);
        String evil = "a".repeat(50_000) + "!";
        assertThat(matches(r, "{\"Text\":\"" + evil + "\"}")).isFalse();
    }

    @Test
    void regexThatUnrollsToAHugeProgramIsRefused() {
        var result = new SigmaParser().parseOne("""
                title: huge regex
                logsource: {product: test}
                detection:
                    sel:
                        Name|re: '(a{1000}){1000}'
                    condition: sel
                """);
        assertThat(result).isInstanceOfSatisfying(SigmaError.class,
                e -> assertThat(e.feature()).isEqualTo("re:too-large"));
        assertThat(rule("""
                    sel:
                        Name|re: '^[a-f0-9]{64}$|(ab){3,5}x{2}'
                    condition: sel
                """)).isNotNull();
    }
}
