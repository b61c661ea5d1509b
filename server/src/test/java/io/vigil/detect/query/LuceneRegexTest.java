package io.vigil.detect.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.google.re2j.Pattern;

class LuceneRegexTest {

    private static String lucene(String re2) {
        return LuceneRegex.translate(re2, 0).pattern();
    }

    @Test
    void unanchoredSearchIsWrappedInAnyString() {
        assertThat(lucene("abc")).isEqualTo(".*(abc).*");
        assertThat(lucene("^abc$")).isEqualTo("(abc)");
        assertThat(lucene("\\Aabc\\z")).isEqualTo("(abc)");
    }

    @Test
    void literalPunctuationIsEscapedForLucene() {
        assertThat(lucene("^a\"b<c>#@&~$")).isEqualTo("(a\\\"b\\<c\\>\\#\\@\\&\\~)");
        assertThat(lucene("^\\.\\$$")).isEqualTo("(\\.\\$)");
    }

    @Test
    void dotExcludesNewlineUnlessDotAll() {
        assertThat(lucene("^a.b$")).isEqualTo("(a[^\n]b)");
        assertThat(LuceneRegex.translate("^a.b$", Pattern.DOTALL).pattern()).isEqualTo("(a.b)");
        assertThat(lucene("(?s)^a.b$")).isEqualTo("(a.b)");
    }

    @Test
    void shorthandClassesAndGroups() {
        assertThat(lucene("^\\d\\w\\s$")).isEqualTo("([0-9][0-9A-Za-z_][\t\n\f\r ])");
        assertThat(lucene("^[^\\d.]$")).isEqualTo("([^0-9\\.])");
        assertThat(lucene("^(?:a|b)(?P<n>c)$")).isEqualTo("((a|b)(c))");
        assertThat(lucene("^a{2,3}b*?c+?$")).isEqualTo("(a{2,3}b*c+)");
        assertThat(lucene("^(a|)$")).isEqualTo("((a|()))");
        assertThat(lucene("^\\x41\\x{42}$")).isEqualTo("(AB)");
    }

    @Test
    void caseInsensitiveFlag() {
        assertThat(LuceneRegex.translate("(?i)abc", 0).caseInsensitive()).isTrue();
        assertThat(LuceneRegex.translate("abc", Pattern.CASE_INSENSITIVE).caseInsensitive()).isTrue();
        assertThat(LuceneRegex.translate("abc", 0).caseInsensitive()).isFalse();
    }

    @Test
    void refusesWhatLuceneCannotExpress() {
        assertThatThrownBy(() -> lucene("a\\bc")).hasMessageContaining("re:escape-b");
        assertThatThrownBy(() -> lucene("\\pL")).hasMessageContaining("re:escape-p");
        assertThatThrownBy(() -> lucene("[[:alpha:]]")).hasMessageContaining("re:posix-class");
        assertThatThrownBy(() -> lucene("a(?i:b)")).hasMessageContaining("re:inline-flags");
        assertThatThrownBy(() -> lucene("a^b")).hasMessageContaining("re:inner-anchor");
        assertThatThrownBy(() -> lucene("^a|b")).hasMessageContaining("re:anchored-alternation");
        assertThatThrownBy(() -> lucene("(?m)^a")).hasMessageContaining("re:multiline-anchor");
        assertThatThrownBy(() -> lucene("[\\D]")).hasMessageContaining("re:negated-class-in-class");
    }
}
