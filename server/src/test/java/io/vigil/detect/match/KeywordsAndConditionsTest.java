package io.vigil.detect.match;

import static io.vigil.detect.match.TestRules.matches;
import static io.vigil.detect.match.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordsAndConditionsTest {

    @Test
    void keywordsSearchEveryStringValue() {
        RuleMatcher r = rule("""
                    keywords:
                        - 'mimikatz'
                        - 'sekurlsa::'
                    condition: keywords
                """);
        assertThat(matches(r, "{\"a\":{\"b\":[\"run Mimikatz.exe\"]}}")).isTrue();
        assertThat(matches(r, "{\"a\":\"nothing\"}")).isFalse();
    }

    @Test
    void keywordsWithAllModifier() {
        RuleMatcher r = rule("""
                    keywords:
                        '|all':
                            - 'error'
                            - 'denied'
                    condition: keywords
                """);
        assertThat(matches(r, "{\"m\":\"Error: access denied\"}")).isTrue();
        assertThat(matches(r, "{\"m\":\"error\",\"n\":\"denied\"}")).isTrue();
        assertThat(matches(r, "{\"m\":\"error\"}")).isFalse();
    }

    @Test
    void listOfMapsIsOr() {
        RuleMatcher r = rule("""
                    sel:
                        - Image|endswith: '\\a.exe'
                        - Image|endswith: '\\b.exe'
                          CommandLine|contains: 'x'
                    condition: sel
                """);
        assertThat(matches(r, "{\"Image\":\"c:\\\\a.exe\"}")).isTrue();
        assertThat(matches(r, "{\"Image\":\"c:\\\\b.exe\"}")).isFalse();
        assertThat(matches(r, "{\"Image\":\"c:\\\\b.exe\",\"CommandLine\":\"-x\"}")).isTrue();
    }

    @Test
    void andOrNotParenthesesAndPrecedence() {
        RuleMatcher r = rule("""
                    a:
                        A: 1
                    b:
                        B: 1
                    c:
                        C: 1
                    condition: a or b and not c
                """);
        assertThat(matches(r, "{\"A\":1,\"C\":1}")).isTrue();
        assertThat(matches(r, "{\"B\":1,\"C\":1}")).isFalse();
        assertThat(matches(r, "{\"B\":1}")).isTrue();
        RuleMatcher p = rule("""
                    a:
                        A: 1
                    b:
                        B: 1
                    c:
                        C: 1
                    condition: (a or b) and not c
                """);
        assertThat(matches(p, "{\"A\":1,\"C\":1}")).isFalse();
    }

    @Test
    void quantifiedConditions() {
        String searches = """
                    selection_a:
                        A: 1
                    selection_b:
                        B: 1
                    filter_x:
                        X: 1
                """;
        RuleMatcher one = rule(searches + "    condition: 1 of selection_* and not 1 of filter*\n");
        RuleMatcher all = rule(searches + "    condition: all of selection_*\n");
        RuleMatcher them = rule(searches + "    condition: 1 of them\n");
        RuleMatcher allThem = rule(searches + "    condition: all of them\n");
        assertThat(matches(one, "{\"B\":1}")).isTrue();
        assertThat(matches(one, "{\"B\":1,\"X\":1}")).isFalse();
        assertThat(matches(all, "{\"B\":1}")).isFalse();
        assertThat(matches(all, "{\"A\":1,\"B\":1}")).isTrue();
        assertThat(matches(them, "{\"X\":1}")).isTrue();
        assertThat(matches(allThem, "{\"A\":1,\"B\":1}")).isFalse();
        assertThat(matches(allThem, "{\"A\":1,\"B\":1,\"X\":1}")).isTrue();
    }
}
