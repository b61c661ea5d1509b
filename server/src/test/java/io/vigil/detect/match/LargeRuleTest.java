package io.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

class LargeRuleTest {

    @Test
    void hundredThousandValuesCompileAndMatchFast() {
        StringBuilder yaml = new StringBuilder("""
                title: many hashes
                logsource: {product: test}
                detection:
                    sel:
                        Hash:
                """);
        for (int i = 0; i < 100_000; i++) {
            yaml.append("            - '").append(String.format("%016X", i)).append("'\n");
        }
        yaml.append("    condition: sel\n");
        SigmaResult result = new SigmaParser().parseOne(yaml.toString());
        assertThat(result).isInstanceOf(SigmaResult.Rule.class);
        RuleMatcher rule = RuleMatcher.of(((SigmaResult.Rule) result).rule());

        EventFields hit = TestRules.event("{\"Hash\":\"" + String.format("%016x", 99_999) + "\"}");
        EventFields miss = TestRules.event("{\"Hash\":\"" + String.format("%016x", 100_001) + "\"}");
        for (int i = 0; i < 10_000; i++) {
            assertThat(rule.matches(hit)).isTrue();
            assertThat(rule.matches(miss)).isFalse();
        }
    }
}
