package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class QueryCheckTest {

    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void validQueriesPassAsWritten() {
        var checked = QueryCheck.check("eventName:ConsoleLogin AND NOT user.name:\"admin\" AND source.port:>1024", 0,
                DAY);
        assertThat(checked.lucene())
                .isEqualTo("eventName:ConsoleLogin AND NOT user.name:\"admin\" AND source.port:>1024");
        assertThat(checked.warnings()).isEmpty();
        assertThat(QueryCheck.check("  ", 0, DAY).lucene()).isEqualTo("*");
    }

    @Test
    void aSyntaxErrorSaysWhereAndWhat() {
        assertThatThrownBy(() -> QueryCheck.check("eventName:(ConsoleLogin OR", 0, DAY))
                .isInstanceOf(SearchProblem.class)
                .hasMessage("query syntax: the query ends too early (an operator, field or bracket needs something "
                        + "after it)")
                .satisfies(e -> assertThat(((SearchProblem) e).position()).isEqualTo(26));
        assertThatThrownBy(() -> QueryCheck.check("user.name:\"bob", 4, DAY)).isInstanceOf(SearchProblem.class)
                .hasMessageContaining("quoted phrase or an escape is not closed")
                .satisfies(e -> assertThat(((SearchProblem) e).position()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void anUnexpectedTokenIsNamedWithItsColumn() {
        assertThatThrownBy(() -> QueryCheck.check("a:1 AND ) b:2", 10, DAY)).isInstanceOf(SearchProblem.class)
                .hasMessage("query syntax: unexpected ')' at column 9")
                .satisfies(e -> assertThat(((SearchProblem) e).position()).isEqualTo(18));
    }

    @Test
    void patternsAreNotCompiledHereSoNoneCanExhaustTheServer() {
        assertThat(QueryCheck.check("x:/a{1000}{1000}{1000}/", 0, DAY).warnings()).isEmpty();
        assertThat(QueryCheck.check("a:/(a|b)*a(a|b){30}/", 0, Duration.ofDays(2)).warnings()).singleElement()
                .asString().contains("regular expression on a");
        assertThatThrownBy(() -> QueryCheck.check("a".repeat(20_001), 0, DAY)).isInstanceOf(SearchProblem.class)
                .hasMessageContaining("too long");
        assertThatThrownBy(() -> QueryCheck.check("(".repeat(9_000) + "a" + ")".repeat(9_000), 0, DAY))
                .isInstanceOf(SearchProblem.class);
    }

    @Test
    void leadingWildcardsAndRegexesOverLongRangesAreWarnedAbout() {
        assertThat(QueryCheck.check("user.name:*admin", 0, DAY).warnings()).isEmpty();
        assertThat(QueryCheck.check("user.name:*admin", 0, Duration.ofDays(7)).warnings()).singleElement()
                .asString().contains("leading wildcard in user.name:*admin").contains("7 days");
        assertThat(QueryCheck.check("eventName:Console* AND host.name:/web-[0-9]+/", 0, Duration.ofDays(30))
                .warnings()).singleElement().asString().contains("regular expression on host.name");
        assertThat(QueryCheck.check("user.name:adm*", 0, Duration.ofDays(30)).warnings()).isEmpty();
    }
}
