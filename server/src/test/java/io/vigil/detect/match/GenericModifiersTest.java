package io.vigil.detect.match;

import static io.vigil.detect.match.TestRules.matches;
import static io.vigil.detect.match.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.detect.sigma.SigmaError;
import io.vigil.detect.sigma.SigmaParser;

class GenericModifiersTest {

    @Test
    void existsChecksPresenceNotValue() {
        RuleMatcher present = rule("""
                    sel:
                        Token|exists: true
                    condition: sel
                """);
        RuleMatcher missing = rule("""
                    sel:
                        Token|exists: false
                    condition: sel
                """);
        assertThat(matches(present, "{\"Token\":null}")).isTrue();
        assertThat(matches(present, "{\"Token\":\"\"}")).isTrue();
        assertThat(matches(present, "{}")).isFalse();
        assertThat(matches(missing, "{}")).isTrue();
    }

    @Test
    void nullMeansAbsentOrNull() {
        RuleMatcher r = rule("""
                    sel:
                        User: null
                    condition: sel
                """);
        assertThat(matches(r, "{}")).isTrue();
        assertThat(matches(r, "{\"User\":null}")).isTrue();
        assertThat(matches(r, "{\"User\":\"bob\"}")).isFalse();
        assertThat(matches(r, "{\"User\":\"\"}")).isFalse();
    }

    @Test
    void nullInsideAValueListIsRefusedAsTheSpecificationSays() {
        var result = new SigmaParser().parseOne("""
                title: null in list
                logsource: {product: test}
                detection:
                    sel:
                        User:
                            - null
                            - ''
                    condition: sel
                """);
        assertThat(result).isInstanceOfSatisfying(SigmaError.class, e -> {
            assertThat(e.feature()).isEqualTo("detection:null-in-list");
            assertThat(e.path()).isEqualTo("detection.sel.User");
        });
    }

    @Test
    void emptyStringIsNotNull() {
        RuleMatcher r = rule("""
                    sel:
                        User: ''
                    condition: sel
                """);
        assertThat(matches(r, "{\"User\":\"\"}")).isTrue();
        assertThat(matches(r, "{}")).isFalse();
        assertThat(matches(r, "{\"User\":null}")).isFalse();
    }

    @Test
    void neqExcludesEveryValue() {
        RuleMatcher r = rule("""
                    sel:
                        Status|neq:
                            - ok
                            - 200
                    condition: sel
                """);
        assertThat(matches(r, "{\"Status\":\"failed\"}")).isTrue();
        assertThat(matches(r, "{\"Status\":\"OK\"}")).isFalse();
        assertThat(matches(r, "{\"Status\":200}")).isFalse();
    }

    @Test
    void fieldrefComparesTwoFields() {
        RuleMatcher same = rule("""
                    sel:
                        SourceUser|fieldref: TargetUser
                    condition: sel
                """);
        RuleMatcher differ = rule("""
                    sel:
                        SourceUser|fieldref|neq: TargetUser
                    condition: sel
                """);
        assertThat(matches(same, "{\"SourceUser\":\"Bob\",\"TargetUser\":\"bob\"}")).isTrue();
        assertThat(matches(same, "{\"SourceUser\":\"bob\",\"TargetUser\":\"eve\"}")).isFalse();
        assertThat(matches(differ, "{\"SourceUser\":\"bob\",\"TargetUser\":\"eve\"}")).isTrue();
    }

    @Test
    void expandUsesConfiguredPlaceholderValues() {
        RuleMatcher r = rule("""
                    sel:
                        Host|expand: '%dc_hosts%.corp.example'
                    condition: sel
                """, Map.of("dc_hosts", List.of("dc1", "dc2")));
        assertThat(matches(r, "{\"Host\":\"DC2.corp.example\"}")).isTrue();
        assertThat(matches(r, "{\"Host\":\"ws1.corp.example\"}")).isFalse();
    }

    @Test
    void unknownPlaceholderIsRefused() {
        var result = new SigmaParser().parseOne("""
                title: placeholders
                logsource: {product: test}
                detection:
                    sel:
                        Host|expand: '%nobody_configured_this%'
                    condition: sel
                """);
        assertThat(result).isInstanceOfSatisfying(SigmaError.class, e -> {
            assertThat(e.feature()).isEqualTo("expand:unknown-placeholder");
            assertThat(e.message()).contains("%nobody_configured_this%");
        });
        assertThat(new SigmaParser(Map.of(), true).parseOne("""
                title: placeholders
                logsource: {product: test}
                detection:
                    sel:
                        Host|expand: '%nobody_configured_this%'
                    condition: sel
                """)).isNotInstanceOf(SigmaError.class);
    }
}
