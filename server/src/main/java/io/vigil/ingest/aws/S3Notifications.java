package io.vigil.ingest.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an SQS message body as S3 event notifications: S3's own message, or the same wrapped by SNS
 * (CloudTrail's usual set-up: the trail notifies an SNS topic, the queue subscribes to it).
 */
final class S3Notifications {

    /** One object a notification announces. */
    record S3Object(String bucket, String key, long size) {

        String uri() {
            return "s3://" + bucket + "/" + key;
        }
    }

    /** What a message says: objects to read, nothing to do (a test event, deletions), or not a notification. */
    sealed interface Notice {
    }

    record Objects(List<S3Object> objects) implements Notice {
    }

    record Nothing(String why) implements Notice {
    }

    record Unreadable(String reason) implements Notice {
    }

    private final ObjectMapper json;

    S3Notifications(ObjectMapper json) {
        this.json = json;
    }

    Notice read(String body) {
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (JsonProcessingException e) {
            return new Unreadable("the message is not JSON: " + e.getOriginalMessage());
        }
        if (message == null || !message.isObject()) {
            return new Unreadable("the message is not a JSON object");
        }
        if ("Notification".equals(message.path("Type").asText()) && message.path("Message").isTextual()) {
            return read(message.path("Message").asText());
        }
        if ("s3:TestEvent".equals(message.path("Event").asText())) {
            return new Nothing("S3's test event, sent when notifications are configured");
        }
        JsonNode records = message.path("Records");
        if (!records.isArray()) {
            return new Unreadable("not an S3 event notification (no \"Records\" array)");
        }
        List<S3Object> objects = new ArrayList<>();
        for (JsonNode record : records) {
            if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
                continue; // deletions, restores, replication: nothing to read
            }
            JsonNode s3 = record.path("s3");
            String bucket = s3.path("bucket").path("name").asText(null);
            String key = s3.path("object").path("key").asText(null);
            if (bucket == null || key == null) {
                return new Unreadable("an ObjectCreated record without s3.bucket.name or s3.object.key");
            }
            // S3 writes keys form-encoded: "a b+c" arrives as "a+b%2Bc"
            objects.add(new S3Object(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8),
                    s3.path("object").path("size").asLong(-1)));
        }
        return objects.isEmpty() ? new Nothing("no ObjectCreated records") : new Objects(objects);
    }
}
