package io.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.re2j.Pattern;

class RegexLiteralsTest {

    @Test
    void theLongestPlainRunOfEachAlternative() {
        assertThat(RegexLiterals.required(".+:assumed-role/aws:.+")).containsExactly(":assumed-role/aws:");
        assertThat(RegexLiterals.required("^cmd\\.exe /c (whoami|net)$|powershell")).containsExactly("cmd.exe /c ",
                "powershell");
        assertThat(RegexLiterals.required("(?i)\\\\AppData\\\\Local\\\\Temp\\\\[a-z]{8}\\.exe"))
                .containsExactly("\\AppData\\Local\\Temp\\");
    }

    @Test
    void optionalAndRepeatedCharactersEndTheRun() {
        assertThat(RegexLiterals.required("abcd?efg")).containsExactly("abc");
        assertThat(RegexLiterals.required("abcx*yz")).containsExactly("abc");
        assertThat(RegexLiterals.required("abcx+yz")).containsExactly("abcx");
        assertThat(RegexLiterals.required("abx{0,2}yzw")).containsExactly("yzw");
        assertThat(RegexLiterals.required("abcx{2}yz")).containsExactly("abcx");
        assertThat(RegexLiterals.required("ab\\dcdef[gh]ijklm")).containsExactly("ijklm");
    }

    @Test
    void noTextWhenAnAlternativeHasNone() {
        assertThat(RegexLiterals.required("abc|[0-9]+")).isEmpty();
        assertThat(RegexLiterals.required("(abc|def)")).isEmpty();
        assertThat(RegexLiterals.required("\\Qa.b\\E")).isEmpty();
        // codes and properties are not decoded: no text rather than a wrong one
        assertThat(RegexLiterals.required("\\x41BCD")).isEmpty();
        assertThat(RegexLiterals.required("\\101bcd")).isEmpty();
        assertThat(RegexLiterals.required("a\\pNbcd")).isEmpty();
        assertThat(RegexLiterals.required("\\x{41}bcdef")).isEmpty();
    }

    /** Whatever text is read must be in every string the regex finds in (a brute check on samples). */
    @Test
    void everyTextReadIsInEveryMatch() {
        String[][] cases = {
                {"ab+c?d", "abd", "abbbcd"},
                {"x[ab]{1,3}yz|q\\.rs", "xaayz", "q.rs"},
                {"a\\\\b\\/c", "a\\b/c"},
                {"(?s)foo.bar(baz)?", "foo\nbar"},
                {"\\bword\\s+\\d{2,}xyz", "word 12xyz"},
        };
        for (String[] c : cases) {
            var texts = RegexLiterals.required(c[0]);
            for (int i = 1; i < c.length; i++) {
                assertThat(Pattern.compile(c[0]).matcher(c[i]).find()).as(c[0] + " on " + c[i]).isTrue();
                String value = c[i];
                assertThat(texts).as(c[0]).anyMatch(value::contains);
            }
        }
    }
}
