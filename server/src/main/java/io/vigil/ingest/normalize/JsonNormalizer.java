package io.vigil.ingest.normalize;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.ContentIds;
import io.vigil.event.Ecs;
import io.vigil.event.NormalizedEvent;
import io.vigil.ingest.parse.Item;

/**
 * Any JSON object: its fields stay as they are; the time is taken from the first usable common
 * time field, else the arrival time; common names for IPs and users feed {@code related.*}. A Windows
 * event log rendered as JSON also gets its ECS and {@code winlog.*} fields ({@link WindowsEventLogFields}).
 */
public final class JsonNormalizer implements EventNormalizer {

    static final List<String> TIME_FIELDS = List.of("@timestamp", "timestamp", "time", "eventTime", "date");
    static final List<String> IP_FIELDS = List.of("source.ip", "destination.ip", "client.ip", "ip", "src_ip",
            "sourceIPAddress");
    static final List<String> USER_FIELDS = List.of("user.name", "user", "username", "userName");

    /**
     * ECS names that are objects in the event index. A JSON source that sends a plain value there
     * ({@code "user": "dave"}, {@code "host": "web01"}) has it moved to the ECS field meant for it,
     * instead of the whole event being refused for a mapping conflict; {@code event.original} keeps
     * the record exactly as sent.
     */
    static final Map<String, String> VALUE_HOMES = Map.of(
            "user", "user.name",
            "host", "host.name",
            "source", "source.address",
            "destination", "destination.address",
            "event", "event.action",
            "cloud", "cloud.provider",
            "network", "network.name",
            "user_agent", "user_agent.original",
            "related", "labels.related",
            "vigil", "labels.vigil");

    @Override
    public NormalizedEvent normalize(Item item, IngestContext context) throws NormalizationException {
        if (!(item instanceof Item.Json json) || !json.value().isObject()) {
            throw new NormalizationException("expected a JSON object");
        }
        JsonNode record = json.value();
        Optional<WindowsEventLogFields> windows = WindowsEventLogFields.of(record);
        // A Windows event's own time wins over the common names: a shipper's @timestamp there is
        // when it read the log, not when Windows wrote the event.
        Instant time = windows.flatMap(WindowsEventLogFields::time)
                .or(() -> TIME_FIELDS.stream().map(field -> Documents.text(record, field).flatMap(Documents::instant))
                        .flatMap(Optional::stream).findFirst())
                .orElse(context.ingested());
        String id = Documents.text(record, "event.id").map(given -> context.source() + ":" + given)
                .orElseGet(() -> ContentIds.of(context.source(), json.raw()));

        ObjectNode document = record.deepCopy();
        VALUE_HOMES.forEach((key, home) -> {
            JsonNode value = document.get(key);
            if (value != null && !value.isObject()) {
                document.remove(key);
                Documents.put(document, home, value);
            }
        });
        windows.ifPresent(event -> event.apply(document));
        Documents.put(document, Ecs.TIMESTAMP, time.toString());
        if (Documents.text(record, Ecs.EVENT_KIND).isEmpty()) {
            Documents.put(document, Ecs.EVENT_KIND, "event");
        }
        IP_FIELDS.forEach(field -> Documents.text(record, field).flatMap(Documents::ip)
                .ifPresent(ip -> Documents.addDistinct(document, Ecs.RELATED_IP, ip)));
        USER_FIELDS.forEach(field -> Documents.text(record, field)
                .ifPresent(user -> Documents.addDistinct(document, Ecs.RELATED_USER, user)));
        EventNormalizer.stamp(document, id, json.raw(), context);
        return new NormalizedEvent(id, time, context.source(), document);
    }
}
