package io.vigil.ingest.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The SQS queues that announce S3 files, by a name of the operator's choice:
 * {@code vigil.aws.queues.<name>.queue-url=...}, {@code vigil.aws.queues.<name>.source=...}.
 */
@ConfigMapping(prefix = "vigil.aws")
public interface S3QueueConfig {

    Map<String, Queue> queues();

    interface Queue {

        /** The queue's URL, as SQS gives it ({@code https://sqs.eu-west-1.amazonaws.com/1111/trail-files}). */
        String queueUrl();

        /** The Vigil source (CloudTrail, VPC flow logs, JSON) the files' events belong to. */
        String source();

        @WithDefault("us-east-1")
        String region();

        /** Another S3 endpoint (S3-compatible stores, tests); path-style addressing is used then. */
        Optional<URI> s3Endpoint();

        /** Another SQS endpoint (tests). */
        Optional<URI> sqsEndpoint();

        /** Static credentials; without them the SDK's default chain (environment, profile, instance or pod role). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** A role to assume (with the credentials above or the default chain) for both S3 and SQS. */
        Optional<String> roleArn();

        /**
         * How long a received message stays invisible to other readers; it is extended while its
         * files are read, so it only bounds how soon a crashed reader's message comes back.
         */
        @WithDefault("120s")
        Duration visibilityTimeout();

        /** How soon a message whose files could not be read is tried again. */
        @WithDefault("30s")
        Duration retryDelay();

        /** Long-poll wait of one receive call (at most 20 s). */
        @WithDefault("20s")
        Duration waitTime();

        @WithDefault("true")
        boolean enabled();
    }
}
