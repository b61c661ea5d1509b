package io.vigil.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConditionParserTest {

    private static final Set<String> SEARCHES = new java.util.LinkedHashSet<>(
            List.of("sel", "sel_img", "sel_cli", "filter_a", "filter_b", "_hidden"));

    private static Condition parse(String text) {
        return ConditionParser.parse(text, SEARCHES, "detection.condition");
    }

    private static Condition.Ref ref(String name) {
        return new Condition.Ref(name);
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        assertThat(parse("sel or sel_img and not filter_a")).isEqualTo(new Condition.Or(List.of(
                ref("sel"), new Condition.And(List.of(ref("sel_img"), new Condition.Not(ref("filter_a")))))));
    }

    @Test
    void parenthesesAndCaseInsensitiveOperators() {
        assertThat(parse("(sel OR sel_img) AND NOT filter_a")).isEqualTo(new Condition.And(List.of(
                new Condition.Or(List.of(ref("sel"), ref("sel_img"))), new Condition.Not(ref("filter_a")))));
    }

    @Test
    void quantifiersResolveNames() {
        assertThat(parse("1 of sel_*")).isEqualTo(new Condition.Of(false, "sel_*", List.of("sel_cli", "sel_img")));
        assertThat(parse("all of filter_*"))
                .isEqualTo(new Condition.Of(true, "filter_*", List.of("filter_a", "filter_b")));
        assertThat(parse("1 of them")).isInstanceOfSatisfying(Condition.Of.class,
                of -> assertThat(of.names()).doesNotContain("_hidden").hasSize(5));
    }

    @Test
    void errorsNameTheProblem() {
        assertThatThrownBy(() -> parse("sel and")).hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> parse("sel sel_img")).hasMessageContaining("unexpected 'sel_img'");
        assertThatThrownBy(() -> parse("nope")).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> parse("   ")).hasMessageContaining("empty condition");
    }
}
