package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Concurrent callers' items run once each, in runs that never overlap, and a run's failure reaches its callers. */
class GroupCommitTest {

    @Test
    void everyItemRunsOnceAndRunsNeverOverlap() throws Exception {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger under = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Integer> runSizes = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> commits = new GroupCommit<>(items -> {
            if (under.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            sleep(2);
            ran.addAll(items);
            runSizes.add(items.size());
            under.decrementAndGet();
        });
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        for (int c = 0; c < 400; c++) {
            int first = c * 3;
            calls.add(callers.submit(() -> commits.submit(List.of(first, first + 1, first + 2))));
        }
        for (Future<?> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();

        assertThat(ran).hasSize(1_200).doesNotHaveDuplicates();
        assertThat(overlaps).hasValue(0);
        // eight callers and a slow run: callers that came meanwhile shared the next run
        assertThat(runSizes).hasSizeLessThan(400);
    }

    @Test
    void aCallerReturnsOnlyOnceItsItemsRan() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<String> commits = new GroupCommit<>(items -> {
            running.countDown();
            await(release);
            ran.addAll(items);
        });
        Thread first = Thread.ofPlatform().start(() -> commits.submit(List.of("first")));
        running.await();
        Thread second = Thread.ofPlatform().start(() -> commits.submit(List.of("second")));
        second.join(200);
        assertThat(second.isAlive()).as("waits while the run under way holds the slot").isTrue();
        release.countDown();
        first.join();
        second.join();
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void aRunsFailureIsThrownToItsCallerAndTheNextRunGoesOn() {
        AtomicInteger runs = new AtomicInteger();
        GroupCommit<String> commits = new GroupCommit<>(items -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
        });
        assertThatThrownBy(() -> commits.submit(List.of("a"))).hasMessage("database away");
        commits.submit(List.of("b"));
        assertThat(runs).hasValue(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
