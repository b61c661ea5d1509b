package io.vigil.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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
        walk(document, "", (name, leaf) -> fields.put(name, text(leaf)));
        return fields;
    }

    /** The dotted names {@link #flatten} would give, without making their values (the sidebar counts names). */
    public static void names(JsonNode document, Consumer<String> each) {
        walk(document, "", (name, leaf) -> each.accept(name));
    }

    /** Calls {@code leaf} with each field's dotted name and its value node: a scalar or an array. */
    private static void walk(JsonNode node, String prefix, BiConsumer<String, JsonNode> leaf) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                walk(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), leaf);
            }
        } else if (node.isArray() || !node.isNull() && !prefix.isEmpty()) {
            leaf.accept(prefix, node);
        }
    }

    private static String text(JsonNode leaf) {
        if (!leaf.isArray()) {
            return leaf.asText();
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode item : leaf) {
            joined.append(joined.isEmpty() ? "" : ", ").append(item.isValueNode() ? item.asText() : item.toString());
        }
        return joined.toString();
    }

    /** One field's value by its dotted name, whether stored nested or with dots in a key; "" when absent. */
    public static String value(JsonNode document, String field) {
        JsonNode found = find(document, field);
        if (found == null || found.isNull() || found.isMissingNode()) {
            return "";
        }
        return found.isObject() ? found.toString() : text(found);
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
