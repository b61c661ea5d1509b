package io.vigil.detect.match;

import static io.vigil.detect.match.TestRules.matches;
import static io.vigil.detect.match.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringModifiersTest {

    @Test
    void plainValueIsCaseInsensitiveEquality() {
        RuleMatcher r = rule("""
                    sel:
                        Image: 'C:\\Windows\\cmd.exe'
                    condition: sel
                """);
        assertThat(matches(r, "{\"Image\":\"c:\\\\windows\\\\CMD.EXE\"}")).isTrue();
        assertThat(matches(r, "{\"Image\":\"c:\\\\windows\\\\cmd.exe2\"}")).isFalse();
        assertThat(matches(r, "{\"Other\":\"x\"}")).isFalse();
    }

    @Test
    void containsStartsWithEndsWith() {
        RuleMatcher r = rule("""
                    sel:
                        CommandLine|contains: 'invoke-'
                        Image|endswith: '\\powershell.exe'
                        User|startswith: 'ADM_'
                    condition: sel
                """);
        assertThat(matches(r, """
                {"CommandLine":"x Invoke-Expression y","Image":"C:\\\\PowerShell.exe","User":"adm_bob"}""")).isTrue();
        assertThat(matches(r, """
                {"CommandLine":"x Invoke-Expression y","Image":"C:\\\\PowerShell.exe","User":"bob"}""")).isFalse();
    }

    @Test
    void containsFoldsAsEqualityDoes() {
        RuleMatcher r = rule("""
                    sel:
                        User|contains: 'kit'
                    condition: sel
                """);
        // the Kelvin sign is a k to equalsIgnoreCase, so to contains as well
        assertThat(matches(r, "{\"User\":\"a\u212Ait\"}")).isTrue();
        assertThat(matches(r, "{\"User\":\"KIT\"}")).isTrue();
    }

    @Test
    void listIsOrAndAllModifierIsAnd() {
        RuleMatcher any = rule("""
                    sel:
                        CommandLine|contains:
                            - ' -enc '
                            - ' -e '
                    condition: sel
                """);
        RuleMatcher all = rule("""
                    sel:
                        CommandLine|contains|all:
                            - 'net'
                            - 'user'
                            - '/add'
                    condition: sel
                """);
        assertThat(matches(any, "{\"CommandLine\":\"ps -e abc\"}")).isTrue();
        assertThat(matches(all, "{\"CommandLine\":\"net user bob /add\"}")).isTrue();
        assertThat(matches(all, "{\"CommandLine\":\"net user bob\"}")).isFalse();
    }

    @Test
    void wildcardsAndEscapes() {
        RuleMatcher r = rule("""
                    sel:
                        Path: 'C:\\Users\\\\*\\AppData\\\\?ocal\\\\*.exe'
                    lit:
                        Name: 'what\\*ever\\?'
                    condition: sel or lit
                """);
        assertThat(matches(r, "{\"Path\":\"c:\\\\users\\\\bob\\\\appdata\\\\Local\\\\x.EXE\"}")).isTrue();
        assertThat(matches(r, "{\"Path\":\"c:\\\\users\\\\bob\\\\appdata\\\\roaming\\\\x.exe\"}")).isFalse();
        assertThat(matches(r, "{\"Name\":\"what*ever?\"}")).isTrue();
        assertThat(matches(r, "{\"Name\":\"whatNOever?\"}")).isFalse();
    }

    @Test
    void casedMatchesCaseSensitively() {
        RuleMatcher r = rule("""
                    sel:
                        Name|cased|contains: 'Secret'
                    condition: sel
                """);
        assertThat(matches(r, "{\"Name\":\"a Secret\"}")).isTrue();
        assertThat(matches(r, "{\"Name\":\"a secret\"}")).isFalse();
    }

    @Test
    void windashMatchesEveryDash() {
        RuleMatcher r = rule("""
                    sel:
                        CommandLine|windash|contains: ' -exec bypass'
                    condition: sel
                """);
        assertThat(matches(r, "{\"CommandLine\":\"p.exe /exec bypass\"}")).isTrue();
        assertThat(matches(r, "{\"CommandLine\":\"p.exe \\u2013exec bypass\"}")).isTrue();
        assertThat(matches(r, "{\"CommandLine\":\"p.exe -exec bypass\"}")).isTrue();
        assertThat(matches(r, "{\"CommandLine\":\"p.exe +exec bypass\"}")).isFalse();
    }

    @Test
    void arrayFieldMatchesAnyElement() {
        RuleMatcher r = rule("""
                    sel:
                        tags|startswith: 'prod-'
                    condition: sel
                """);
        assertThat(matches(r, "{\"tags\":[\"dev-1\",\"prod-2\"]}")).isTrue();
        assertThat(matches(r, "{\"tags\":[\"dev-1\"]}")).isFalse();
    }
}
