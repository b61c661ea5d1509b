package io.vigil.detect.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The hand-written cases and the differential check against the reference correlator. */
class CorrelationConformanceTest {

    @TestFactory
    Stream<DynamicTest> handWrittenCasesGiveTheExpectedWindowsInAnyArrivalOrder() {
        return CorrelationCases.load().stream().map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.name(), () -> {
            var outcome = CorrelationCases.run(c);
            assertThat(outcome.reference()).as("the reference correlator").isEqualTo(outcome.expected());
            for (var run : outcome.engine()) {
                assertThat(run).as("the engine").isEqualTo(outcome.expected());
            }
        }));
    }

    @Test
    void randomStreamsFireTheWindowsTheReferenceFinds() {
        for (long seed = 1; seed <= 4; seed++) {
            var comparison = RandomStreams.compare(seed, 2_000);
            assertThat(comparison.differences()).as("seed %d", seed).isEmpty();
            assertThat(comparison.perRule().values().stream().mapToInt(n -> n[2]).sum()).as("windows fired")
                    .isPositive();
        }
    }
}
