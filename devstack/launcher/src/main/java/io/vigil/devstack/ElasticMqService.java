package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real SQS API (ElasticMQ) in its own JVM: the ingest queue and its dead-letter queue, with the
 * redrive policy SQS would have ({@code maxReceiveCount} receives, then the DLQ). In memory.
 */
public final class ElasticMqService extends ProcessService {

    public static final String QUEUE = "cloudtrail-ingest";
    public static final String DLQ = "cloudtrail-ingest-dlq";

    private final int port;
    private final int maxReceiveCount;

    public ElasticMqService(StackLayout layout, int port, int maxReceiveCount) {
        super(layout);
        this.port = port;
        this.maxReceiveCount = maxReceiveCount;
    }

    @Override
    public String name() {
        return "elasticmq";
    }

    /** Use with SqsClient endpointOverride(...). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What GetQueueUrl answers. */
    public String queueUrl(String queue) {
        return url() + "/000000000000/" + queue;
    }

    @Override
    public void start() throws IOException {
        Ports.requireFree(port, "SQS (ElasticMQ)", "VIGIL_SQS_PORT");
        Files.createDirectories(layout.runDir());
        Path conf = layout.runDir().resolve("elasticmq.conf");
        Files.writeString(conf, """
                include classpath("application.conf")
                node-address { protocol = http, host = "127.0.0.1", port = %1$d, context-path = "" }
                rest-sqs { enabled = true, bind-port = %1$d, bind-hostname = "127.0.0.1", sqs-limits = strict }
                aws { region = us-east-1, accountId = "000000000000" }
                queues {
                  %2$s {
                    defaultVisibilityTimeout = 30 seconds
                    deadLettersQueue { name = "%3$s", maxReceiveCount = %4$d }
                  }
                  %3$s { defaultVisibilityTimeout = 30 seconds }
                }
                """.formatted(port, QUEUE, DLQ, maxReceiveCount));
        Path dist = layout.awsNodeDist();
        var command = List.of(StackLayout.java(), "-Xms16m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dconfig.file=" + conf,
                "-cp", dist.resolve("aws-node.jar") + ":" + dist.resolve("elasticmq") + "/*",
                "io.vigil.devstack.aws.ExitOnStdinEof", "org.elasticmq.server.Main");
        // the HTTP port opens before the configured queues exist: wait for the last one
        launch(command, Map.of(), layout.projectDir(),
                () -> Http.ok(url() + "/?Action=GetQueueUrl&QueueName=" + QUEUE), Duration.ofSeconds(60));
    }
}
