package io.vigil.detect.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The shared store behaves as the engine needs: random streams give the reference's windows through
 * PostgreSQL, also when two engines (two replicas) take interleaved halves of each moment's events at the
 * same time and settle while the other takes events.
 */
@QuarkusTest
class PostgresCorrelationStoreTest {

    @Inject
    PostgresCorrelationStore postgres;

    /** This test's rules apart from every other run's (the database outlives a test). */
    private CorrelationStore isolated() {
        String run = UUID.randomUUID().toString().substring(0, 8) + ":";
        return new CorrelationStore() {

            public Added add(String rule, String group, List<CorrelationInput> inputs) {
                return postgres.add(run + rule, group, inputs);
            }

            public List<CorrelationInput> between(String rule, String group, long from, long to) {
                return postgres.between(run + rule, group, from, to);
            }

            public List<Window> fire(String rule, String group, List<Window> windows) {
                return postgres.fire(run + rule, group, windows);
            }

            public List<Pending> pending(String rule, long through, int limit) {
                return postgres.pending(run + rule, through, limit);
            }

            public void settle(String rule, String group, long through) {
                postgres.settle(run + rule, group, through);
            }

            public long evict(String rule, long before) {
                return postgres.evict(run + rule, before);
            }
        };
    }

    @Test
    void oneReplicaFiresWhatTheReferenceFinds() {
        var comparison = RandomStreams.compare(11, 600, isolated(), 1);
        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.perRule().values().stream().mapToInt(n -> n[2]).sum()).isPositive();
    }

    @Test
    void twoReplicasTogetherFireEachWindowOnce() {
        var comparison = RandomStreams.compare(12, 600, isolated(), 2);
        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.perRule().values().stream().mapToInt(n -> n[2]).sum()).isPositive();
    }

    @Test
    void aRestartHalfwayChangesNothing() {
        var comparison = RandomStreams.compare(13, 600, isolated(), 1, true);
        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.perRule().values().stream().mapToInt(n -> n[2]).sum()).isPositive();
    }

    @Test
    void inputsAreKeptOnceAndForgottenWhenOld() {
        CorrelationStore store = isolated();
        var input = new CorrelationInput("e1", 1_000, 0, "x".repeat(5_000), "src");
        assertThat(store.add("r", "[\"a\"]", List.of(input, input)).added()).isEqualTo(1);
        assertThat(store.add("r", "[\"a\"]", List.of(input)).added()).isZero();
        assertThat(store.between("r", "[\"a\"]", 0, 2_000)).singleElement()
                .satisfies(kept -> assertThat(kept.value()).hasSize(PostgresCorrelationStore.MAX_VALUE));
        store.settle("r", "[\"a\"]", 5_000);
        assertThat(store.add("r", "[\"a\"]", List.of(new CorrelationInput("e2", 4_000, 0, null, "src")))
                .settledAlready()).isEqualTo(1);
        assertThat(store.evict("r", 2_000)).isEqualTo(1);
        assertThat(store.between("r", "[\"a\"]", 0, 10_000)).extracting(CorrelationInput::id).containsExactly("e2");
    }
}
