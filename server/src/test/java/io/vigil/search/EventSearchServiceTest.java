package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The shape of what the service sends, without OpenSearch: indices by day and the scope filter. */
class EventSearchServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void onePatternPerDayOfTheRangeOrAllForLongRanges() {
        assertThat(SearchBodies.indices(TimeRange.parse("now-24h", "now", NOW)))
                .isEqualTo("vigil-events-*-2026.11.21,vigil-events-*-2026.11.22");
        assertThat(SearchBodies.indices(TimeRange.parse("2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z", NOW)))
                .isEqualTo("vigil-events-*-2026.11.22");
        assertThat(SearchBodies.indices(TimeRange.parse("now-90d", "now", NOW))).isEqualTo("vigil-events-*");
    }

    @Test
    void theScopeFilterNamesTheSourcesOrNothing() {
        assertThat(SearchScope.everything().filter().toString()).isEqualTo("{\"match_all\":{}}");
        assertThat(new SearchScope(Set.of("web", "aws")).filter().toString())
                .isEqualTo("{\"terms\":{\"vigil.source\":[\"aws\",\"web\"]}}");
        assertThat(new SearchScope(Set.of()).filter().toString()).isEqualTo("{\"match_none\":{}}");
    }
}
