package io.vigil.detect.match;

import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link EventFields} over a Jackson tree. A field name is looked up as a flat key first
 * ({@code CommandLine}, or a key that itself contains dots), then as a dotted path, trying every split
 * so {@code requestParameters.bucketName} finds the nested value and {@code Event.EventData.CommandLine}
 * works whether or not parts are flattened. Arrays along the path fan out. Field names are
 * case-sensitive, as Sigma field names are.
 */
public final class JsonEventFields implements EventFields {

    private final JsonNode root;

    public JsonEventFields(JsonNode root) {
        this.root = root;
    }

    @Override
    public boolean has(String field) {
        return find(root, FieldPath.of(field), 0, null);
    }

    @Override
    public boolean anyValue(String field, Predicate<Object> test) {
        return find(root, FieldPath.of(field), 0, test);
    }

    @Override
    public boolean anyString(Predicate<String> test) {
        return anyText(root, test);
    }

    /**
     * Whether some node at the path's parts from {@code from} below {@code node} exists (test null) or
     * has a value passing the test. The test is passed down rather than wrapped so a lookup allocates
     * no lambda; the path's parts are cut once per field name ({@link FieldPath}), not per lookup.
     */
    private static boolean find(JsonNode node, FieldPath path, int from, Predicate<Object> test) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isContainerNode() && find(element, path, from, test)) {
                    return true;
                }
            }
            return false;
        }
        if (!node.isObject()) {
            return false;
        }
        JsonNode direct = node.get(path.rest(from));
        if (direct != null && (test == null || anyLeaf(direct, test))) {
            return true;
        }
        for (int to = from + 1; to < path.parts(); to++) {
            JsonNode child = node.get(path.segment(from, to));
            if (child != null && find(child, path, to, test)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyLeaf(JsonNode node, Predicate<Object> test) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (anyLeaf(element, test)) {
                    return true;
                }
            }
            return false;
        }
        // An object tested as a value is its JSON text: rules such as CloudTrail's
        // requestParameters|contains: 'Suspended' look inside the whole structure.
        return test.test(node.isObject() ? node.toString() : scalar(node));
    }

    private static Object scalar(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static boolean anyText(JsonNode node, Predicate<String> test) {
        if (node.isTextual()) {
            return test.test(node.textValue());
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (anyText(child, test)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }
}
