package io.vigil.ingest.normalize;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.Ecs;

/**
 * ECS and {@code winlog.*} fields of a Windows event log rendered as JSON the way evtx tools and SigmaHQ's
 * regression data do: {@code Event.System} (or {@code System} at the top) with the header,
 * {@code EventData} or {@code UserData} with the payload, XML attributes under {@code #attributes}.
 * The names follow Winlogbeat, so Sigma field names can be mapped onto them in one place and rules run
 * on the same names whichever shipper sent the event. Every value is a copy; the record stays as it came.
 */
final class WindowsEventLogFields {

    private final JsonNode event;
    private final JsonNode system;

    private WindowsEventLogFields(JsonNode event, JsonNode system) {
        this.event = event;
        this.system = system;
    }

    /**
     * The Windows event log the record is, if it is one: a {@code System} object naming a channel or an
     * event id (a bare {@code System} key is too common a word to go by).
     */
    static Optional<WindowsEventLogFields> of(JsonNode record) {
        JsonNode wrapped = record.path("Event");
        JsonNode event = wrapped.path("System").isObject() ? wrapped : record;
        JsonNode system = event.path("System");
        if (!system.isObject() || !system.has("Channel") && !system.has("EventID")) {
            return Optional.empty();
        }
        return Optional.of(new WindowsEventLogFields(event, system));
    }

    /** When the event was written: {@code TimeCreated SystemTime}, which Windows always gives in UTC. */
    Optional<Instant> time() {
        return Documents.text(system, "TimeCreated.#attributes.SystemTime").flatMap(WindowsEventLogFields::utc);
    }

    void apply(ObjectNode document) {
        String code = scalar(system.path("EventID"));
        if (code != null) {
            putAbsent(document, "event.code", code);
            Documents.put(document, "winlog.event_id", integer(code));
        }
        Documents.put(document, "winlog.record_id", integer(scalar(system.path("EventRecordID"))));
        Documents.text(system, "Computer").ifPresent(computer -> {
            putAbsent(document, Ecs.HOST_NAME, computer);
            Documents.put(document, "winlog.computer_name", computer);
        });
        Documents.text(system, "Channel").ifPresent(channel -> Documents.put(document, "winlog.channel", channel));
        Documents.text(system, "Provider.#attributes.Name")
                .ifPresent(provider -> Documents.put(document, "winlog.provider_name", provider));
        lift(event.path("EventData"), document, "event_data");
        lift(event.path("UserData"), document, "user_data");
    }

    /**
     * Copies a payload section's values into one object, lifting one level of nesting: evtx renders
     * {@code UserData} as one element named after the event ({@code Operation_ClientFailure}) holding
     * the values, and an {@code EventData} with XML attributes as {@code #attributes}; Sigma names the
     * values inside. Names are set as keys, not split on dots, so a name with a dot stays one field.
     */
    private static void lift(JsonNode section, ObjectNode document, String name) {
        if (!section.isObject() || section.isEmpty()) {
            return;
        }
        ObjectNode target = child(child(document, "winlog"), name);
        for (Map.Entry<String, JsonNode> field : section.properties()) {
            if (field.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> inner : field.getValue().properties()) {
                    target.set(inner.getKey(), inner.getValue().deepCopy());
                }
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    /**
     * A header value's text, or null: evtx renders an element with attributes as an object whose text
     * is {@code #text} ({@code "EventID": {"#attributes": {"Qualifiers": 16384}, "#text": 7036}}).
     */
    private static String scalar(JsonNode value) {
        JsonNode text = value.isObject() ? value.path("#text") : value;
        return text.isValueNode() && !text.isNull() && !text.asText().isBlank() ? text.asText().trim() : null;
    }

    /** An integer header value as a number, or null for anything else (which the index could refuse). */
    private static LongNode integer(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LongNode.valueOf(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO-8601 with an offset, or without one (some renderings drop the {@code Z}), read as UTC. */
    private static Optional<Instant> utc(String value) {
        Optional<Instant> withOffset = Documents.instant(value);
        if (withOffset.isPresent()) {
            return withOffset;
        }
        try {
            return Optional.of(LocalDateTime.parse(value.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * ECS fields another shipper may have filled with its own view (its host rather than the event's
     * computer) keep what was sent.
     */
    private static void putAbsent(ObjectNode document, String dottedPath, String value) {
        if (Documents.text(document, dottedPath).isEmpty()) {
            Documents.put(document, dottedPath, value);
        }
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode child = parent.get(name);
        return child instanceof ObjectNode object ? object : parent.putObject(name);
    }
}
