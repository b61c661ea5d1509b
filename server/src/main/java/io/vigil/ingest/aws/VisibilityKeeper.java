package io.vigil.ingest.aws;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Keeps a received message invisible to other readers while its files are read: its visibility
 * timeout is renewed at half its length until the reading ends.
 */
final class VisibilityKeeper {

    private static final Logger LOG = Logger.getLogger(VisibilityKeeper.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration timeout;
    private final ScheduledExecutorService timer;

    VisibilityKeeper(SqsClient sqs, String queueUrl, Duration timeout, ScheduledExecutorService timer) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.timeout = timeout;
        this.timer = timer;
    }

    /** Starts renewing; closing the answer stops it. */
    Kept keep(String receiptHandle, Consumer<String> onRenewed) {
        long every = Math.max(500, timeout.toMillis() / 2);
        ScheduledFuture<?> renewal = timer.scheduleAtFixedRate(() -> {
            try {
                sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(receiptHandle)
                        .visibilityTimeout((int) Math.max(1, timeout.toSeconds())));
                onRenewed.accept(receiptHandle);
            } catch (SdkException e) {
                LOG.warnf("cannot extend a message's visibility on %s: %s", queueUrl, e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return () -> renewal.cancel(false);
    }

    /** A renewal running; {@link #close()} ends it. */
    interface Kept extends AutoCloseable {

        @Override
        void close();
    }
}
