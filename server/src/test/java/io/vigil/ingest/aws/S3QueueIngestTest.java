package io.vigil.ingest.aws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.TestAws;
import io.vigil.testing.TestStack;
import io.vigil.testing.Tokens;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * CloudTrail files from S3 announced on SQS, end to end against s3proxy and ElasticMQ (real S3 and
 * SQS APIs in their own processes) and the real OpenSearch.
 */
@QuarkusTest
class S3QueueIngestTest {

    private static final String BUCKET = "cloudtrail-logs";
    private final TestAws aws = TestAws.get();
    private final S3Client s3 = aws.s3Client();
    private final SqsClient sqs = aws.sqsClient();

    @BeforeEach
    void sourcesAndBucket() {
        ensureSource(TestAws.SOURCE, "cloudtrail");
        ensureSource(TestAws.FLOW_SOURCE, "vpcflow");
        try {
            s3.createBucket(request -> request.bucket(BUCKET));
        } catch (BucketAlreadyOwnedByYouException e) {
            // made by an earlier test
        }
    }

    @Test
    void announcedFilesAreReadOnceAndTheirMessagesDeletedAfterTheEventsAreStored() throws IOException {
        String key = "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/21/trail file+1=2:3.json.gz";
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int records = 3000;
        s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(cloudTrailFile(tag, records)));

        send("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"" + BUCKET + "\"}");
        // through SNS, as a trail's notifications usually arrive
        String notification = notification(key);
        send("{\"Type\":\"Notification\",\"MessageId\":\"1\",\"Message\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(notification) + "}");

        await().atMost(Duration.ofSeconds(60)).until(() -> events(tag) == records);
        await().atMost(Duration.ofSeconds(30)).until(() -> inQueue(aws.queueUrl()) == 0);
        // the same file announced again stores nothing new (stable ids)
        send(notification);
        await().atMost(Duration.ofSeconds(30)).until(() -> inQueue(aws.queueUrl()) == 0);
        assertThat(events(tag)).isEqualTo(records);
    }

    @Test
    void aFileThatCannotBeReadGoesToTheDeadLetterQueueAfterTheMaximumReceives() {
        int before = inQueue(aws.deadLetterQueueUrl());
        send(notification("AWSLogs/missing-" + UUID.randomUUID() + ".json.gz"));
        await().atMost(Duration.ofSeconds(60)).until(() -> inQueue(aws.deadLetterQueueUrl()) == before + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> inQueue(aws.queueUrl()) == 0);
    }

    @Test
    void aMessageThatIsNoNotificationIsKeptAsADeadLetterAndTakenOffTheQueue() {
        String marker = "not-a-notification-" + UUID.randomUUID();
        send(marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> inQueue(aws.queueUrl()) == 0);
        given().auth().oauth2(Tokens.of("admin")).queryParam("source", TestAws.SOURCE).get("/api/admin/dead-letters")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("admin"))
                .queryParam("source", TestAws.SOURCE).get("/api/admin/dead-letters").asString().contains(marker));
    }

    @Test
    void vpcFlowLogFilesArriveTheSameWay() throws IOException {
        String key = "AWSLogs/111122223333/vpcflowlogs/eu-west-1/2026/11/21/flows-" + UUID.randomUUID() + ".log.gz";
        int port = 20_000 + new java.util.Random().nextInt(40_000);
        StringBuilder file = new StringBuilder(
                "version account-id interface-id srcaddr dstaddr srcport dstport protocol "
                        + "packets bytes start end action log-status\n");
        for (int i = 0; i < 50; i++) {
            file.append("2 111122223333 eni-0a1b2c 192.0.2.").append(i + 1).append(" 10.0.0.5 ").append(port)
                    .append(" 22 6 1 44 1763712000 1763712060 REJECT OK\n");
        }
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(file.toString().getBytes(StandardCharsets.UTF_8));
        }
        s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes.toByteArray()));
        sqs.sendMessage(request -> request.queueUrl(aws.flowQueueUrl()).messageBody(notification(key)));

        await().atMost(Duration.ofSeconds(60)).until(() -> count(TestAws.FLOW_SOURCE,
                "{\"bool\":{\"filter\":[{\"term\":{\"source.port\":" + port + "}},"
                        + "{\"term\":{\"event.action\":\"reject\"}},{\"term\":{\"destination.port\":22}}]}}") == 50);
        await().atMost(Duration.ofSeconds(30)).until(() -> inQueue(aws.flowQueueUrl()) == 0);
    }

    private static void ensureSource(String name, String type) {
        int status = given().auth().oauth2(Tokens.of("admin")).get("/api/admin/sources/" + name).statusCode();
        if (status == 404) {
            given().auth().oauth2(Tokens.of("admin")).contentType("application/json")
                    .body(Map.of("name", name, "type", type, "scope", "aws-test", "retentionDays", 7))
                    .post("/api/admin/sources").then().statusCode(201);
        }
    }

    private void send(String body) {
        sqs.sendMessage(request -> request.queueUrl(aws.queueUrl()).messageBody(body));
    }

    private int inQueue(String queueUrl) {
        var attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** S3's event notification for a new object; S3 writes the key form-encoded. */
    private static String notification(String key) {
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                 "eventTime":"%s","eventName":"ObjectCreated:Put",
                 "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},
                  "object":{"key":"%s","size":1234}}}]}""".formatted(Instant.now(), BUCKET, BUCKET, encoded);
    }

    private static byte[] cloudTrailFile(String tag, int records) throws IOException {
        StringBuilder file = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < records; i++) {
            file.append(i == 0 ? "" : ",")
                    .append("""
                            {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","userName":"alice","accountId":"111122223333"},
                            "eventTime":"2026-11-21T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject",
                            "awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.8","userAgent":"%s",
                            "requestParameters":{"bucketName":"reports","key":"f%d"},"eventID":"%s-%d","recipientAccountId":"111122223333"}"""
                            .formatted(tag, i, tag, i));
        }
        file.append("]}");
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(file.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static long events(String tag) {
        return count(TestAws.SOURCE, "{\"term\":{\"user_agent.original\":\"" + tag + "\"}}");
    }

    private static long count(String source, String query) {
        String base = TestStack.get().openSearch().url();
        String index = "/vigil-events-" + source + "-*";
        given().baseUri(base).post(index + "/_refresh?ignore_unavailable=true&allow_no_indices=true");
        var response = given().baseUri(base).contentType("application/json").body("{\"query\":" + query + "}")
                .post(index + "/_count?ignore_unavailable=true&allow_no_indices=true");
        // a daily index created a moment ago may have no active shard yet (503): not counted yet
        return response.statusCode() == 200 ? response.jsonPath().getLong("count") : -1;
    }
}
