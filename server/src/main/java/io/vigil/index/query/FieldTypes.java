package io.vigil.index.query;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Field name → {@link FieldKind}, read from the indices' mapping. The translator needs it because one
 * Sigma comparison becomes different queries on keyword, numeric, ip and flat_object fields, and keyword
 * searches (no field) must be spread over every string field.
 */
public record FieldTypes(Map<String, FieldKind> kinds, FieldKind otherwise) {

    public FieldTypes {
        kinds = Map.copyOf(kinds);
    }

    /** Every field is taken as keyword; keyword searches are refused (no field list to spread over). */
    public static FieldTypes unknown() {
        return new FieldTypes(Map.of(), FieldKind.KEYWORD);
    }

    /**
     * The same kinds, with fields the mapping does not list taken as {@code otherwise}: KEYWORD models
     * data still to come under the events template, whose dynamic mapping makes strings keywords.
     */
    public FieldTypes withOtherwise(FieldKind kind) {
        return new FieldTypes(kinds, kind);
    }

    /**
     * From a {@code GET <indices>/_mapping} response: all indices merged. Where indices disagree on a
     * field the first wins; the harness keeps one mapping per index pattern so that does not arise.
     */
    public static FieldTypes fromMappingResponse(JsonNode response) {
        return fromMappingResponse(response, index -> true);
    }

    /** As {@link #fromMappingResponse(JsonNode)}, from the indices whose names {@code indices} accepts only. */
    public static FieldTypes fromMappingResponse(JsonNode response, java.util.function.Predicate<String> indices) {
        Map<String, FieldKind> kinds = new TreeMap<>();
        for (Map.Entry<String, JsonNode> index : response.properties()) {
            if (indices.test(index.getKey())) {
                collect(index.getValue().path("mappings").path("properties"), "", kinds);
            }
        }
        return new FieldTypes(kinds, FieldKind.UNMAPPED);
    }

    /** From an index template document ({@code template.mappings.properties}): its static fields. */
    public static FieldTypes fromTemplate(JsonNode template) {
        Map<String, FieldKind> kinds = new TreeMap<>();
        collect(template.path("template").path("mappings").path("properties"), "", kinds);
        return new FieldTypes(kinds, FieldKind.UNMAPPED);
    }

    private static void collect(JsonNode properties, String prefix, Map<String, FieldKind> kinds) {
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            String name = prefix + e.getKey();
            JsonNode def = e.getValue();
            if (def.has("properties")) {
                kinds.putIfAbsent(name, FieldKind.OBJECT);
                collect(def.get("properties"), name + ".", kinds);
            } else {
                // indices disagree when a field held a number in one day's first event and text in
                // another's: a string query on a numeric index fails its shards, so the field counts as
                // not holding strings (a numeric comparison works on both)
                kinds.merge(name, kind(def.path("type").asText("object"), def), FieldTypes::narrower);
            }
        }
    }

    private static FieldKind narrower(FieldKind first, FieldKind other) {
        boolean firstStrings = first == FieldKind.KEYWORD || first == FieldKind.FLAT_OBJECT;
        boolean otherStrings = other == FieldKind.KEYWORD || other == FieldKind.FLAT_OBJECT;
        return firstStrings && !otherStrings ? other : first;
    }

    private static FieldKind kind(String type, JsonNode def) {
        if (!def.path("index").asBoolean(true)) {
            return FieldKind.NOT_INDEXED;
        }
        return switch (type) {
            case "keyword", "constant_keyword", "wildcard" -> FieldKind.KEYWORD;
            case "text", "match_only_text" -> FieldKind.TEXT;
            case "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float",
                    "unsigned_long" ->
                FieldKind.NUMBER;
            case "boolean" -> FieldKind.BOOLEAN;
            case "date", "date_nanos" -> FieldKind.DATE;
            case "ip" -> FieldKind.IP;
            case "flat_object" -> FieldKind.FLAT_OBJECT;
            default -> FieldKind.OBJECT;
        };
    }

    /** The kind of a Sigma field name, a path below a flat_object root being a leaf of it. */
    public FieldKind kind(String field) {
        FieldKind direct = kinds.get(field);
        if (direct != null) {
            return direct;
        }
        for (int dot = field.lastIndexOf('.'); dot > 0; dot = field.lastIndexOf('.', dot - 1)) {
            if (kinds.get(field.substring(0, dot)) == FieldKind.FLAT_OBJECT) {
                return FieldKind.FLAT_OBJECT_LEAF;
            }
        }
        return otherwise;
    }

    /** The flat_object root above a leaf path, or null when the field is not below one. */
    public String flatObjectRoot(String field) {
        for (int dot = field.lastIndexOf('.'); dot > 0; dot = field.lastIndexOf('.', dot - 1)) {
            if (kinds.get(field.substring(0, dot)) == FieldKind.FLAT_OBJECT) {
                return field.substring(0, dot);
            }
        }
        return null;
    }

    /** Fields holding strings as whole terms: where a keyword search looks. */
    public Set<String> stringFields() {
        Set<String> fields = new TreeSet<>();
        kinds.forEach((name, kind) -> {
            if (kind == FieldKind.KEYWORD || kind == FieldKind.FLAT_OBJECT) {
                fields.add(name);
            }
        });
        return fields;
    }

    /** Analyzed text fields, which a keyword search cannot compare exactly. */
    public Set<String> textFields() {
        Set<String> fields = new TreeSet<>();
        kinds.forEach((name, kind) -> {
            if (kind == FieldKind.TEXT) {
                fields.add(name);
            }
        });
        return fields;
    }
}
