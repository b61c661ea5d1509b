package io.vigil.detect.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void timesFarApartKeepTheirOwnStretchesAndNearOnesShareOne() {
        assertThat(Interval.around(List.of(5_000L, 1_000L, 1_500L, 1_000L, 90_000L), 100, 400))
                .containsExactly(new Interval(900, 1_900), new Interval(4_900, 5_400), new Interval(89_900, 90_400));
    }

    @Test
    void stretchesThatTouchAreOne() {
        assertThat(Interval.around(List.of(0L, 11L), 5, 5)).containsExactly(new Interval(-5, 16));
        assertThat(Interval.around(List.of(0L, 12L), 5, 5)).containsExactly(new Interval(-5, 5), new Interval(7, 17));
        assertThat(Interval.around(List.of(), 5, 5)).isEmpty();
    }
}
