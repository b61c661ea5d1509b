package io.vigil.ingest.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.event.EventSource;
import io.vigil.index.DeadLetters;
import io.vigil.index.DeadLetters.DeadLetter;
import io.vigil.ingest.IngestResult;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.Origin;
import io.vigil.ingest.parse.Payload;
import io.vigil.ingest.parse.PayloadLimits;
import io.vigil.ingest.source.SourceService;
import io.vigil.ops.DependencySetup;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads one queue: receives notifications, reads each announced object into the source, and deletes
 * the message once every object's events are durable (stored, spooled, or kept as dead letters). A
 * message whose objects cannot be read now (object missing, access denied, event store full) is left
 * in the queue and comes back after the retry delay; the queue's redrive policy moves it to its
 * dead-letter queue after its maximum receive count. While a message's objects are read, its
 * visibility is extended, so a large file is never read twice at the same time.
 */
final class S3QueueConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(S3QueueConsumer.class);

    private final String name;
    private final S3QueueConfig.Queue config;
    private final AwsClients aws;
    private final S3Notifications notifications;
    private final IngestService ingest;
    private final SourceService sources;
    private final DeadLetters deadLetters;
    private final VisibilityKeeper keeper;
    private final MeterRegistry meters;
    private volatile boolean running = true;

    S3QueueConsumer(String name, S3QueueConfig.Queue config, AwsClients aws, S3Notifications notifications,
            IngestService ingest, SourceService sources, DeadLetters deadLetters, ScheduledExecutorService timer,
            MeterRegistry meters) {
        this.name = name;
        this.config = config;
        this.aws = aws;
        this.notifications = notifications;
        this.ingest = ingest;
        this.sources = sources;
        this.deadLetters = deadLetters;
        this.keeper = new VisibilityKeeper(aws.sqs(), config.queueUrl(), config.visibilityTimeout(), timer);
        this.meters = meters;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        LOG.infof("aws queue '%s': reading %s into source '%s'", name, config.queueUrl(), config.source());
        Duration pause = Duration.ofSeconds(1);
        while (running) {
            try {
                List<Message> messages = aws.sqs().receiveMessage(request -> request.queueUrl(config.queueUrl())
                        .maxNumberOfMessages(10).waitTimeSeconds((int) Math.min(20, config.waitTime().toSeconds()))
                        .visibilityTimeout((int) config.visibilityTimeout().toSeconds())
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .messages();
                for (Message message : messages) {
                    handle(message);
                }
                pause = Duration.ofSeconds(1);
            } catch (SdkException | IllegalStateException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("aws queue '%s': cannot receive from %s (%s); trying again in %d s", name,
                        config.queueUrl(), DependencySetup.rootMessage(e), pause.toSeconds());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(60)) > 0
                        ? Duration.ofSeconds(60)
                        : pause.multipliedBy(2);
            }
        }
    }

    private void handle(Message message) {
        var notice = notifications.read(message.body());
        switch (notice) {
            case S3Notifications.Nothing nothing -> {
                LOG.debugf("aws queue '%s': %s", name, nothing.why());
                delete(message);
            }
            case S3Notifications.Unreadable unreadable -> {
                // kept where admins look, then taken off the queue: it would never read better
                deadLetters.keep(List.of(new DeadLetter(config.source(), "sqs " + config.queueUrl() + " message "
                        + message.messageId(), unreadable.reason(), message.body())));
                count("unreadable-message");
                delete(message);
            }
            case S3Notifications.Objects objects -> read(message, objects.objects());
        }
    }

    private void read(Message message, List<S3Notifications.S3Object> objects) {
        try (var kept = keeper.keep(message.receiptHandle(), handle -> count("visibility-extended"))) {
            EventSource source = sources.named(config.source()).orElseThrow(() -> new IllegalStateException(
                    "no source named '" + config.source() + "' (vigil.aws.queues." + name + ".source)"));
            for (S3Notifications.S3Object object : objects) {
                Optional<Payload> payload = download(object);
                if (payload.isEmpty()) {
                    continue; // too large: kept as a dead letter, reading it again would not help
                }
                IngestResult result = ingest.ingest(source, payload.get(), new Origin(object.uri(), null));
                LOG.infof("aws queue '%s': %s -> %d events accepted, %d rejected%s", name, object.uri(),
                        result.accepted(), result.rejected(), result.spooled() ? " (spooled)" : "");
                count("object-read");
            }
            kept.close();
            delete(message);
        } catch (RuntimeException e) {
            String receives = message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                    "?");
            LOG.warnf("aws queue '%s': message %s (receive %s) not done: %s; it comes back in %d s", name,
                    message.messageId(), receives, DependencySetup.rootMessage(e), config.retryDelay().toSeconds());
            count("retry");
            retryLater(message);
        }
    }

    /** The object's content; empty when it is over the size limit (then it is a dead letter). */
    private Optional<Payload> download(S3Notifications.S3Object object) {
        try (var in = aws.s3().getObject(request -> request.bucket(object.bucket()).key(object.key()))) {
            Long length = in.response().contentLength();
            return Optional.of(Payload.read(in, object.key().endsWith(".gz"), PayloadLimits.DEFAULT,
                    length == null ? -1 : length));
        } catch (Payload.PayloadTooLargeException e) {
            deadLetters.keep(List.of(new DeadLetter(config.source(), object.uri(), e.getMessage(), "")));
            count("object-too-large");
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + object.uri() + ": " + e.getMessage(), e);
        }
    }

    private void retryLater(Message message) {
        try {
            aws.sqs().changeMessageVisibility(request -> request.queueUrl(config.queueUrl())
                    .receiptHandle(message.receiptHandle()).visibilityTimeout((int) config.retryDelay().toSeconds()));
        } catch (SdkException e) {
            LOG.debugf("aws queue '%s': the message comes back after its visibility timeout instead: %s", name,
                    e.getMessage());
        }
    }

    private void delete(Message message) {
        aws.sqs().deleteMessage(request -> request.queueUrl(config.queueUrl()).receiptHandle(message.receiptHandle()));
    }

    private void count(String outcome) {
        meters.counter("vigil.aws.queue.messages", "queue", name, "outcome", outcome).increment();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
