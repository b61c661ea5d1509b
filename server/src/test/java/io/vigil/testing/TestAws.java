package io.vigil.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import io.vigil.devstack.ElasticMqService;
import io.vigil.devstack.Ports;
import io.vigil.devstack.S3ProxyService;
import io.vigil.devstack.StackLayout;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real S3 API (s3proxy) and a real SQS API (ElasticMQ) for one test JVM, each in its own process,
 * with the queue the server under test reads ({@link #QUEUE_NAME}) and its dead-letter queue after
 * {@link #MAX_RECEIVES} receives.
 */
public final class TestAws {

    public static final String QUEUE_NAME = "trail";
    /** The source the test queue's files go to. */
    public static final String SOURCE = "t-s3-trail";
    public static final int MAX_RECEIVES = 3;
    /** A second queue, for VPC flow log files, made through the SQS API (no redrive policy). */
    public static final String FLOW_QUEUE_NAME = "flows";
    public static final String FLOW_SOURCE = "t-s3-flows";

    private static TestAws instance;

    private final S3ProxyService s3;
    private final ElasticMqService sqs;

    private TestAws(S3ProxyService s3, ElasticMqService sqs) {
        this.s3 = s3;
        this.sqs = sqs;
    }

    public static synchronized TestAws get() {
        if (instance == null) {
            var layout = StackLayout.here(Path.of("target/test-stack").toAbsolutePath());
            var s3 = new S3ProxyService(layout, Ports.free(), null);
            var sqs = new ElasticMqService(layout, Ports.free(), MAX_RECEIVES);
            try {
                s3.start();
                sqs.start();
            } catch (IOException e) {
                s3.stop();
                sqs.stop();
                throw new UncheckedIOException(e);
            }
            instance = new TestAws(s3, sqs);
            try (SqsClient client = instance.sqsClient()) {
                client.createQueue(request -> request.queueName("flow-files"));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                s3.stop();
                sqs.stop();
            }));
        }
        return instance;
    }

    public String queueUrl() {
        return sqs.queueUrl(ElasticMqService.QUEUE);
    }

    public String flowQueueUrl() {
        return sqs.queueUrl("flow-files");
    }

    public String deadLetterQueueUrl() {
        return sqs.queueUrl(ElasticMqService.DLQ);
    }

    /** What the server needs to read the test queues. */
    public Map<String, String> serverConfig() {
        Map<String, String> config = new java.util.HashMap<>(queueConfig(QUEUE_NAME, queueUrl(), SOURCE));
        config.putAll(queueConfig(FLOW_QUEUE_NAME, flowQueueUrl(), FLOW_SOURCE));
        return config;
    }

    private Map<String, String> queueConfig(String name, String url, String source) {
        String prefix = "vigil.aws.queues." + name + ".";
        return Map.of(prefix + "queue-url", url, prefix + "source", source, prefix + "s3-endpoint", s3.url(),
                prefix + "sqs-endpoint", sqs.url(), prefix + "access-key-id", S3ProxyService.ACCESS_KEY,
                prefix + "secret-access-key", S3ProxyService.SECRET_KEY,
                // short, so that reading a large file needs the visibility extended, and retries come soon
                prefix + "visibility-timeout", "2s", prefix + "retry-delay", "1s", prefix + "wait-time", "1s");
    }

    public S3Client s3Client() {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(s3.url())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyService.ACCESS_KEY, S3ProxyService.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SqsClient sqsClient() {
        return SqsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(sqs.url()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
