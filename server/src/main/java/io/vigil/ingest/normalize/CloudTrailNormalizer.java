package io.vigil.ingest.normalize;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.ContentIds;
import io.vigil.event.Ecs;
import io.vigil.event.NormalizedEvent;
import io.vigil.ingest.parse.Item;

/**
 * AWS CloudTrail records: the record's native fields stay exactly as CloudTrail wrote them (so
 * SigmaHQ CloudTrail rules and analysts' habits work unchanged) and ECS fields are added beside them.
 * The item's JSON becomes the document: a caller must not use the item's value afterwards.
 */
public final class CloudTrailNormalizer implements EventNormalizer {

    @Override
    public NormalizedEvent normalize(Item item, IngestContext context) throws NormalizationException {
        if (!(item instanceof Item.Json json) || !json.value().isObject()) {
            throw new NormalizationException("a CloudTrail record must be a JSON object");
        }
        JsonNode record = json.value();
        String eventName = Documents.text(record, "eventName")
                .orElseThrow(() -> new NormalizationException("not a CloudTrail record: no eventName"));
        Instant time = Documents.text(record, "eventTime").flatMap(Documents::instant)
                .orElseThrow(() -> new NormalizationException("CloudTrail record without a valid eventTime"));
        String id = Documents.text(record, "eventID")
                .orElseGet(() -> ContentIds.of(context.source(), json.raw()));

        // The record is kept as it came. When its text is one line and it has none of the names Vigil
        // adds, the indexer copies that text into the stored document instead of serializing the
        // record again (the costliest step of ingest); otherwise the fields are added to the record.
        boolean apart = isOneLine(json.raw()) && ADDED_ROOTS.stream().noneMatch(record::has);
        ObjectNode document = apart ? JsonNodeFactory.instance.objectNode() : (ObjectNode) record;
        Documents.put(document, Ecs.TIMESTAMP, time.toString());
        Documents.put(document, Ecs.EVENT_KIND, "event");
        Documents.put(document, Ecs.EVENT_ACTION, eventName);
        Documents.put(document, Ecs.EVENT_PROVIDER, Documents.text(record, "eventSource").orElse(null));
        CloudTrailOutcome.apply(record, eventName, document);
        Documents.put(document, Ecs.CLOUD_PROVIDER, "aws");
        Documents.put(document, Ecs.CLOUD_REGION, Documents.text(record, "awsRegion").orElse(null));
        Documents.put(document, Ecs.CLOUD_ACCOUNT_ID, Documents.text(record, "recipientAccountId")
                .or(() -> Documents.text(record, "userIdentity.accountId")).orElse(null));
        Documents.put(document, Ecs.USER_AGENT, Documents.text(record, "userAgent").orElse(null));
        String sourceAddress = Documents.text(record, "sourceIPAddress").orElse(null);
        Documents.ip(sourceAddress).ifPresentOrElse(ip -> {
            Documents.put(document, Ecs.SOURCE_IP, ip);
            Documents.addDistinct(document, Ecs.RELATED_IP, ip);
        }, () -> Documents.put(document, Ecs.SOURCE_DOMAIN, sourceAddress));
        String user = userName(record);
        Documents.put(document, Ecs.USER_NAME, user);
        Documents.addDistinct(document, Ecs.RELATED_USER, user);
        EventNormalizer.stamp(document, id, json.raw(), context);
        return apart
                ? new NormalizedEvent(id, time, context.source(), document, (ObjectNode) record, json.raw())
                : new NormalizedEvent(id, time, context.source(), document);
    }

    /** Top-level names of the fields this normalizer adds (CloudTrail itself uses none of them). */
    private static final List<String> ADDED_ROOTS = List.of("@timestamp", "event", "cloud", "user_agent", "source",
            "related", "user", "vigil");

    private static boolean isOneLine(String raw) {
        return raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0;
    }

    /** The most human name CloudTrail gives for the caller. */
    static String userName(JsonNode record) {
        return Documents.text(record, "userIdentity.userName")
                .or(() -> Documents.text(record, "userIdentity.sessionContext.sessionIssuer.userName"))
                .or(() -> Documents.text(record, "userIdentity.arn")
                        .map(arn -> arn.substring(arn.lastIndexOf('/') + 1)))
                .or(() -> Documents.text(record, "userIdentity.invokedBy"))
                .or(() -> Documents.text(record, "userIdentity.principalId"))
                .orElse(null);
    }
}
