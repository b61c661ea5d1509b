package io.vigil.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SigmaHQ's regression data: Windows event logs rendered as JSON ({@code Event.System},
 * {@code Event.EventData} / {@code UserData}), read and flattened to the field names Sigma's Windows
 * rules use. One place for the conformance checks, the dispatch test and the matcher benchmark.
 */
public final class WindowsEventLogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WindowsEventLogs() {
    }

    /** One JSON value, an array of them, or several concatenated, as the files hold them. */
    public static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (values.hasNext()) {
                JsonNode value = values.next();
                if (value.isArray()) {
                    value.forEach(events::add);
                } else {
                    events.add(value);
                }
            }
        }
        return events;
    }

    /**
     * The scalar {@code System} values, {@code Provider_Name}, and the {@code EventData}/{@code UserData}
     * values lifted to the top level; a record without {@code System} is taken as it is.
     */
    public static ObjectNode flatten(JsonNode record) {
        ObjectNode flat = JSON.createObjectNode();
        JsonNode event = record.has("Event") ? record.get("Event") : record;
        JsonNode system = event.path("System");
        if (!system.isObject()) {
            record.properties().forEach(f -> flat.set(f.getKey(), f.getValue()));
            return flat;
        }
        system.properties().stream().filter(f -> f.getValue().isValueNode())
                .forEach(f -> flat.set(f.getKey(), f.getValue()));
        JsonNode provider = system.path("Provider").path("#attributes").path("Name");
        if (!provider.isMissingNode()) {
            flat.set("Provider_Name", provider);
        }
        for (String section : List.of("EventData", "UserData")) {
            event.path(section).properties().forEach(f -> {
                if (f.getValue().isObject()) {
                    f.getValue().properties().forEach(g -> flat.set(g.getKey(), g.getValue()));
                } else {
                    flat.set(f.getKey(), f.getValue());
                }
            });
        }
        return flat;
    }
}
