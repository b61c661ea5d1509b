package io.vigil.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EventIndexCatalogTest {

    @Test
    void theDayIsTheLastPartSoSourcesMayHaveDashes() {
        assertThat(EventIndexCatalog.parse("vigil-events-app-eu-2026.11.21")).hasValueSatisfying(index -> {
            assertThat(index.source()).isEqualTo("app-eu");
            assertThat(index.day()).isEqualTo(LocalDate.of(2026, 11, 21));
        });
    }

    @Test
    void otherNamesAreNotDailyEventIndices() {
        assertThat(EventIndexCatalog.parse("vigil-events-app")).isEmpty();
        assertThat(EventIndexCatalog.parse("vigil-events-app-2026.13.40")).isEmpty();
        assertThat(EventIndexCatalog.parse("vigil-findings-app-2026.11.21")).isEmpty();
    }

    @Test
    void findingsIndicesAreNamedByDayOnly() {
        assertThat(EventIndexCatalog.parseFindings("vigil-findings-2026.11.21"))
                .hasValueSatisfying(index -> assertThat(index.day()).isEqualTo(LocalDate.of(2026, 11, 21)));
        assertThat(EventIndexCatalog.parseFindings("vigil-findings-app-2026.11.21")).isEmpty();
        assertThat(EventIndexCatalog.parseFindings("vigil-events-app-2026.11.21")).isEmpty();
    }

    @Test
    void namesFollowTheEventTimeInUtc() {
        assertThat(EventIndices.events("trail", java.time.Instant.parse("2026-11-20T23:59:59Z")))
                .isEqualTo("vigil-events-trail-2026.11.20");
    }
}
