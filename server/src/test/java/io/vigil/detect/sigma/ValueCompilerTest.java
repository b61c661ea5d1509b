package io.vigil.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The AST the modifiers compile to: what a back end (matcher or query) receives. */
class ValueCompilerTest {

    private static ValueTest test(String key, String values) {
        SigmaResult result = new SigmaParser().parseOne("""
                title: t
                logsource: {product: test}
                detection:
                    sel:
                        %s: %s
                    condition: sel
                """.formatted(key, values));
        assertThat(result).as("%s", result).isInstanceOf(SigmaResult.Rule.class);
        var search = ((SigmaResult.Rule) result).rule().detection().searches().get("sel");
        return ((Search.FieldTest) search).test();
    }

    @Test
    void plainOperationsStayStringComparisons() {
        assertThat(test("A|contains", "'x'"))
                .isEqualTo(new ValueTest.StringMatch(ValueTest.StringOp.CONTAINS, "x", false));
        assertThat(test("A|startswith|cased", "'x'"))
                .isEqualTo(new ValueTest.StringMatch(ValueTest.StringOp.STARTS_WITH, "x", true));
        assertThat(test("A", "'*x'")).isEqualTo(new ValueTest.StringMatch(ValueTest.StringOp.ENDS_WITH, "x", false));
        assertThat(test("A", "'x\\*'")).isEqualTo(new ValueTest.StringMatch(ValueTest.StringOp.EQUALS, "x*", false));
    }

    @Test
    void innerWildcardsCompileToAnchoredRe2() {
        assertThat(test("A", "'a*b?c'")).isInstanceOfSatisfying(ValueTest.Wildcard.class, w -> {
            assertThat(w.glob()).isEqualTo("a*b?c");
            assertThat(w.pattern().matches("AxxBycC".substring(0, 6))).isTrue();
            assertThat(w.pattern().matches("zaxbyc")).isFalse();
        });
    }

    @Test
    void longEqualityListsBecomeOneHashSet() {
        assertThat(test("A", "[a, b, c, d, e, f, g, h, '*i*']")).isInstanceOfSatisfying(ValueTest.AnyOf.class, any -> {
            assertThat(any.tests()).hasSize(2);
            assertThat(any.tests().get(1)).isEqualTo(new ValueTest.EqualsAny(
                    java.util.Set.of("a", "b", "c", "d", "e", "f", "g", "h"), false));
        });
        assertThat(test("A", "[a, b]")).isInstanceOf(ValueTest.AnyOf.class);
    }

    @Test
    void allModifierGivesAllOf() {
        assertThat(test("A|contains|all", "[a, b]")).isEqualTo(new ValueTest.AllOf(List.of(
                new ValueTest.StringMatch(ValueTest.StringOp.CONTAINS, "a", false),
                new ValueTest.StringMatch(ValueTest.StringOp.CONTAINS, "b", false))));
    }

    @Test
    void windashExpandsEveryDashPosition() {
        assertThat(test("A|windash|contains", "'-a -b'")).isInstanceOfSatisfying(ValueTest.AnyOf.class,
                any -> assertThat(any.tests()).hasSize(25));
        assertThat(new SigmaParser().parseOne("""
                title: t
                logsource: {product: test}
                detection:
                    sel:
                        A|windash: '-a -b -c -d -e -f'
                    condition: sel
                """)).isInstanceOfSatisfying(SigmaError.class,
                e -> assertThat(e.feature()).isEqualTo("windash:too-many-dashes"));
    }

    @Test
    void windashOnlyTouchesDashesThatStartAWord() {
        assertThat(test("A|windash", "'x-y 1/2'")).isEqualTo(
                new ValueTest.StringMatch(ValueTest.StringOp.EQUALS, "x-y 1/2", false));
        assertThat(test("A|windash|contains", "' /q'")).isInstanceOfSatisfying(ValueTest.AnyOf.class,
                any -> assertThat(any.tests())
                        .contains(new ValueTest.StringMatch(ValueTest.StringOp.CONTAINS, " \u2015q", false)));
    }

    @Test
    void base64offsetGivesThreeShiftedForms() {
        // The well-known forms of "/bin/bash" at the three byte offsets.
        assertThat(test("A|base64offset|contains", "'/bin/bash'")).isEqualTo(new ValueTest.AnyOf(List.of(
                new ValueTest.StringMatch(ValueTest.StringOp.CONTAINS, "L2Jpbi9iYXNo", false),
                new ValueTest.StringMatch(ValueTest.StringOp.CONTAINS, "9iaW4vYmFza", false),
                new ValueTest.StringMatch(ValueTest.StringOp.CONTAINS, "vYmluL2Jhc2", false))));
    }

    @Test
    void numericTimeCidrNullExistsAndFieldref() {
        assertThat(test("A|gte", "5")).isInstanceOf(ValueTest.NumberCompare.class);
        assertThat(test("A|hour", "3")).isInstanceOf(ValueTest.TimePart.class);
        assertThat(test("A|cidr", "'2001:db8::/32'")).isInstanceOf(ValueTest.Cidr.class);
        assertThat(test("A", "null")).isInstanceOf(ValueTest.IsNull.class);
        assertThat(test("A|exists", "true")).isEqualTo(new ValueTest.Exists(true));
        assertThat(test("A|fieldref", "B")).isEqualTo(new ValueTest.FieldRef("B", ValueTest.StringOp.EQUALS, false));
        assertThat(test("A|neq", "x")).isInstanceOf(ValueTest.Not.class);
        assertThat(test("A|re|i|m|s", "'^a.b$'")).isInstanceOf(ValueTest.Regex.class);
    }
}
