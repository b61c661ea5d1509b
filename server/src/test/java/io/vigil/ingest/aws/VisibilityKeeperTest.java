package io.vigil.ingest.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;

class VisibilityKeeperTest {

    /** Records visibility changes; every other SQS call is unsupported. */
    static final class RecordingSqs implements SqsClient {

        final List<ChangeMessageVisibilityRequest> changes = new CopyOnWriteArrayList<>();

        @Override
        public ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest request) {
            changes.add(request);
            return ChangeMessageVisibilityResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void theVisibilityIsRenewedAtHalfItsTimeoutUntilTheReadingEnds() throws InterruptedException {
        var sqs = new RecordingSqs();
        var keeper = new VisibilityKeeper(sqs, "http://sqs/q", Duration.ofSeconds(1), timer);
        var kept = keeper.keep("handle-1", handle -> {
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.changes.size() >= 2);
        kept.close();
        int renewals = sqs.changes.size();
        Thread.sleep(1500); // three renewal periods: none may come after close
        assertThat(sqs.changes).hasSize(renewals);
        assertThat(sqs.changes).allSatisfy(change -> {
            assertThat(change.receiptHandle()).isEqualTo("handle-1");
            assertThat(change.queueUrl()).isEqualTo("http://sqs/q");
            assertThat(change.visibilityTimeout()).isEqualTo(1);
        });
    }
}
