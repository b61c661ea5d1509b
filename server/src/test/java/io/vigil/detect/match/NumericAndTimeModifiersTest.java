package io.vigil.detect.match;

import static io.vigil.detect.match.TestRules.matches;
import static io.vigil.detect.match.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumericAndTimeModifiersTest {

    @Test
    void numbersMatchAsNumbersAndAsStrings() {
        RuleMatcher r = rule("""
                    sel:
                        EventID: 4624
                    condition: sel
                """);
        assertThat(matches(r, "{\"EventID\":4624}")).isTrue();
        assertThat(matches(r, "{\"EventID\":\"4624\"}")).isTrue();
        assertThat(matches(r, "{\"EventID\":4625}")).isFalse();
    }

    @Test
    void comparisons() {
        RuleMatcher r = rule("""
                    big:
                        Size|gt: 1000
                    small:
                        Size|lte: 10
                    condition: big or small
                """);
        assertThat(matches(r, "{\"Size\":1001}")).isTrue();
        assertThat(matches(r, "{\"Size\":\"10\"}")).isTrue();
        assertThat(matches(r, "{\"Size\":500}")).isFalse();
        assertThat(matches(r, "{\"Size\":\"n/a\"}")).isFalse();
        RuleMatcher range = rule("""
                    sel:
                        Port|gte: 1024
                        Port|lt: 2048
                    condition: sel
                """);
        assertThat(matches(range, "{\"Port\":1024}")).isTrue();
        assertThat(matches(range, "{\"Port\":2048}")).isFalse();
    }

    @Test
    void timePartsOfDates() {
        RuleMatcher night = rule("""
                    sel:
                        Time|hour|gte: 22
                    condition: sel
                """);
        RuleMatcher parts = rule("""
                    sel:
                        Time|minute: 30
                        Time|day: 5
                        Time|month: 3
                        Time|year: 2024
                        Time|week: 10
                    condition: sel
                """);
        assertThat(matches(night, "{\"Time\":\"2024-03-05T23:30:00Z\"}")).isTrue();
        assertThat(matches(night, "{\"Time\":\"2024-03-05 08:30:00\"}")).isFalse();
        assertThat(matches(parts, "{\"Time\":\"2024-03-05T23:30:00Z\"}")).isTrue();
        assertThat(matches(parts, "{\"Time\":\"2024-03-06T23:30:00Z\"}")).isFalse();
        assertThat(matches(night, "{\"Time\":\"not a date\"}")).isFalse();
    }
}
