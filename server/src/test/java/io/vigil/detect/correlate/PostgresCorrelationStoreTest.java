package io.vigil.detect.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.store.DatabaseMigrator;
import io.vigil.testing.Schema;

/**
 * The shared store behaves as the engine needs: random streams give the reference's windows through
 * PostgreSQL, also when two engines (two replicas) take interleaved halves of each moment's events at the
 * same time and settle while the other takes events.
 */
@QuarkusTest
class PostgresCorrelationStoreTest {

    @Inject
    PostgresCorrelationStore postgres;

    @Inject
    DatabaseMigrator migrator;

    @BeforeEach
    void migrated() {
        Schema.awaitMigrated(migrator);
    }

    /** This test's rules apart from every other run's (the database outlives a test). */
    private CorrelationStore isolated() {
        String run = UUID.randomUUID().toString().substring(0, 8) + ":";
        return new CorrelationStore() {

            public Added add(String rule, String group, List<CorrelationInput> inputs) {
                return postgres.add(run + rule, group, inputs);
            }

            public java.util.Map<String, Added> addAll(String rule,
                    java.util.Map<String, List<CorrelationInput>> byGroup) {
                return postgres.addAll(run + rule, byGroup);
            }

            public java.util.Map<String, List<CorrelationInput>> betweenAll(String rule,
                    java.util.Map<String, List<Interval>> ranges) {
                return postgres.betweenAll(run + rule, ranges);
            }

            public java.util.Map<String, java.util.Set<Long>> firedAll(String rule,
                    java.util.Map<String, List<Interval>> ends) {
                return postgres.firedAll(run + rule, ends);
            }

            public java.util.Set<Long> fired(String rule, String group, long from, long to) {
                return postgres.fired(run + rule, group, from, to);
            }

            public java.util.Map<String, List<Window>> fireAll(String rule,
                    java.util.Map<String, List<Window>> byGroup) {
                return postgres.fireAll(run + rule, byGroup);
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

            public long shed(String rule, long keep) {
                return postgres.shed(run + rule, keep);
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

    /**
     * A flood of distinct group values (a spoofed-address scan) is bounded by the state cap: the newest
     * inputs stay, whatever group they are in, and the memory store agrees with PostgreSQL on which.
     */
    @Test
    void aFloodOfDistinctGroupsIsCutToTheNewestInputs() {
        CorrelationStore store = isolated();
        CorrelationStore memory = new MemoryCorrelationStore();
        for (int g = 0; g < 3_000; g++) {
            // two inputs at the same time in every tenth group: the cut may fall between equal times
            List<CorrelationInput> inputs = g % 10 == 0
                    ? List.of(new CorrelationInput("a" + g, 1_000L + g, 0, null, "src"),
                            new CorrelationInput("b" + g, 1_000L + g, 0, null, "src"))
                    : List.of(new CorrelationInput("a" + g, 1_000L + g, 0, null, "src"));
            store.add("flood", "[\"10.0." + g + "\"]", inputs);
            memory.add("flood", "[\"10.0." + g + "\"]", inputs);
        }
        assertThat(store.shed("flood", 1_000)).isEqualTo(2_300);
        assertThat(memory.shed("flood", 1_000)).isEqualTo(2_300);
        assertThat(store.shed("flood", 1_000)).as("under the cap, nothing more").isZero();
        assertThat(store.between("flood", "[\"10.0.0\"]", 0, 10_000)).isEmpty();
        assertThat(store.between("flood", "[\"10.0.2999\"]", 0, 10_000)).hasSize(1);
        long kept = 0;
        long keptInMemory = 0;
        for (int g = 2_000; g < 3_000; g++) {
            kept += store.between("flood", "[\"10.0." + g + "\"]", 0, 10_000).size();
            keptInMemory += memory.between("flood", "[\"10.0." + g + "\"]", 0, 10_000).size();
        }
        assertThat(kept).isEqualTo(1_000);
        assertThat(keptInMemory).isEqualTo(1_000);
    }
}
