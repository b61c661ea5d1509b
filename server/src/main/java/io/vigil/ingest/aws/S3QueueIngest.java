package io.vigil.ingest.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.index.DeadLetters;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.source.SourceService;

/** Starts a reader for every configured queue at start-up and stops them at shutdown. */
@Singleton
public class S3QueueIngest {

    private static final Logger LOG = Logger.getLogger(S3QueueIngest.class);

    private final S3QueueConfig config;
    private final IngestService ingest;
    private final SourceService sources;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final S3Notifications notifications;
    private final List<S3QueueConsumer> consumers = new ArrayList<>();
    private final List<AwsClients> clients = new ArrayList<>();
    private ScheduledExecutorService timer;

    S3QueueIngest(S3QueueConfig config, IngestService ingest, SourceService sources, DeadLetters deadLetters,
            MeterRegistry meters, ObjectMapper json) {
        this.config = config;
        this.ingest = ingest;
        this.sources = sources;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.notifications = new S3Notifications(json);
    }

    void start(@Observes StartupEvent event) {
        config.queues().forEach((name, queue) -> {
            if (!queue.enabled()) {
                return;
            }
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("aws-visibility")
                        .factory());
            }
            try {
                AwsClients aws = AwsClients.of(queue);
                clients.add(aws);
                var consumer = new S3QueueConsumer(name, queue, aws, notifications, ingest, sources, deadLetters, timer,
                        meters);
                consumers.add(consumer);
                Thread.ofVirtual().name("aws-queue-" + name).start(consumer);
            } catch (RuntimeException e) {
                LOG.errorf("aws queue '%s' is not read: %s", name, e.getMessage());
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        consumers.forEach(S3QueueConsumer::stop);
        clients.forEach(AwsClients::close);
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
