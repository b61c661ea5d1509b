package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void pipesFollowTheQueryAndKeepTheirOffsets() {
        SearchText text = SearchText.parse("eventName:ConsoleLogin | stats count() by user.name | top 5 source.ip");
        assertThat(text.query()).isEqualTo("eventName:ConsoleLogin");
        assertThat(text.pipes()).extracting(SearchText.Part::text).containsExactly(" stats count() by user.name ",
                " top 5 source.ip");
        assertThat(text.pipes().get(0).offset()).isEqualTo(24);
    }

    @Test
    void luceneOrAndQuotedOrEscapedBarsAreNotPipes() {
        assertThat(SearchText.parse("a:1 || b:2").pipes()).isEmpty();
        assertThat(SearchText.parse("message:\"a | b\"").pipes()).isEmpty();
        assertThat(SearchText.parse("path:a\\|b").pipes()).isEmpty();
        assertThat(SearchText.parse("user.name:/adm|root/ | top user.name").pipes()).singleElement()
                .extracting(SearchText.Part::text).isEqualTo(" top user.name");
        assertThat(SearchText.parse("path:a/b|c").pipes()).hasSize(1);
    }

    @Test
    void theQueryKnowsWhereItStartsAfterLeadingSpaces() {
        assertThat(SearchText.parse("   a:)").queryOffset()).isEqualTo(3);
    }

    @Test
    void emptyAndStarMatchEverything() {
        assertThat(SearchText.parse("").matchesAll()).isTrue();
        assertThat(SearchText.parse(" * ").matchesAll()).isTrue();
        assertThat(SearchText.parse(null).matchesAll()).isTrue();
        assertThat(SearchText.parse("x").matchesAll()).isFalse();
    }

    @Test
    void aSavedRuleFirstInTheQueryIsReadApart() {
        SearchText quoted = SearchText.parse("vigil.rule:\"0f3a-11\" AND user.name:root | stats count()");
        assertThat(quoted.rule()).isEqualTo("0f3a-11");
        assertThat(quoted.query()).isEqualTo("user.name:root");
        assertThat(quoted.queryOffset()).isEqualTo(25);
        assertThat(quoted.pipes()).hasSize(1);

        SearchText alone = SearchText.parse("vigil.rule:abc-1");
        assertThat(alone.rule()).isEqualTo("abc-1");
        assertThat(alone.matchesAll()).isTrue();
        assertThat(SearchText.parse("  vigil.rule:abc host.name:web").query()).isEqualTo("host.name:web");

        // anywhere else it is an ordinary (and here unknown) field
        SearchText later = SearchText.parse("user.name:root AND vigil.rule:abc");
        assertThat(later.rule()).isNull();
        assertThat(later.query()).isEqualTo("user.name:root AND vigil.rule:abc");
    }
}
