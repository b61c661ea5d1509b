package io.vigil.search;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stored event as dotted field names and their values, in document order: what the results table,
 * the event panel, the field sidebar and CSV export show. An array of scalars is one value (its items
 * joined by ", "); an object inside an array keeps its JSON.
 */
public final class FlatFields {

    private FlatFields() {
    }

    public static Map<String, String> flatten(JsonNode document) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten(document, "", fields);
        return fields;
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> fields) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                flatten(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), fields);
            }
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : node) {
                joined.append(joined.isEmpty() ? "" : ", ")
                        .append(item.isValueNode() ? item.asText() : item.toString());
            }
            fields.put(prefix, joined.toString());
        } else if (!node.isNull() && !prefix.isEmpty()) {
            fields.put(prefix, node.asText());
        }
    }

    /** One field's value by its dotted name, whether stored nested or with dots in a key; "" when absent. */
    public static String value(JsonNode document, String field) {
        JsonNode found = find(document, field);
        if (found == null || found.isNull() || found.isMissingNode()) {
            return "";
        }
        if (found.isValueNode()) {
            return found.asText();
        }
        Map<String, String> nested = new LinkedHashMap<>();
        flatten(found, "", nested);
        return found.isArray() ? nested.getOrDefault("", "") : found.toString();
    }

    private static JsonNode find(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.has(field)) {
            return node.get(field);
        }
        for (int dot = field.indexOf('.'); dot > 0; dot = field.indexOf('.', dot + 1)) {
            JsonNode found = find(node.get(field.substring(0, dot)), field.substring(dot + 1));
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
