package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void relativeBoundsFollowTheClock() {
        TimeRange range = TimeRange.parse("now-7d", "now", NOW);
        assertThat(range.from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(range.to()).isEqualTo(NOW);
        assertThat(range.label()).isEqualTo("Last 7 days");
        assertThat(range.relative()).isTrue();
    }

    @Test
    void blankBoundsAreTheLastDay() {
        TimeRange range = TimeRange.parse(null, " ", NOW);
        assertThat(range.length()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void absoluteInstants() {
        TimeRange range = TimeRange.parse("2026-11-21T08:00:00Z", "2026-11-21T09:30:00Z", NOW);
        assertThat(range.length()).isEqualTo(Duration.ofMinutes(90));
        assertThat(range.relative()).isFalse();
        assertThat(range.label()).isEqualTo("2026-11-21T08:00:00Z → 2026-11-21T09:30:00Z");
    }

    @Test
    void badBoundsSayWhichAndWhatIsAccepted() {
        assertThatThrownBy(() -> TimeRange.parse("yesterday", "now", NOW)).isInstanceOf(SearchProblem.class)
                .hasMessageContaining("'from' is yesterday").hasMessageContaining("now-<number>");
        assertThatThrownBy(() -> TimeRange.parse("now", "now-1h", NOW)).isInstanceOf(SearchProblem.class)
                .hasMessageContaining("must be before");
        assertThatThrownBy(() -> TimeRange.parse("now-999999w", "now", NOW)).isInstanceOf(SearchProblem.class)
                .hasMessageContaining("search between");
    }

    @Test
    void anySpanTheDataCoversYearsDatesAndAllTime() {
        assertThat(TimeRange.parse("now-5000d", "now", NOW).length()).isEqualTo(Duration.ofDays(5000));
        TimeRange lastYear = TimeRange.parse("now-1y", "now", NOW);
        assertThat(lastYear.length()).isEqualTo(Duration.ofDays(365));
        assertThat(lastYear.label()).isEqualTo("Last year");
        TimeRange archive = TimeRange.parse("2019-01-01", "2020-01-01", NOW);
        assertThat(archive.from()).isEqualTo(Instant.parse("2019-01-01T00:00:00Z"));
        assertThat(archive.to()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        TimeRange all = TimeRange.parse(TimeRange.ALL_TIME, "now", NOW);
        assertThat(all.from()).isEqualTo(Instant.parse("1970-01-01T00:00:00Z"));
        assertThat(all.label()).isEqualTo("All time");
        assertThat(HistogramInterval.forRange(all.length()).expression()).isEqualTo("365d");
    }
}
