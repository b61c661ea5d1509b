package io.vigil.detect.correlate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A group's values (in group-by order) as one key: a JSON array, so any value (a comma, a quote) keeps its
 * place and the key reads back into the values.
 */
final class GroupKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GroupKeys() {
    }

    static String of(Collection<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array.toString();
    }

    /** A fixed-size id for a key (values from events can be long): a name-based UUID of its UTF-8 bytes. */
    static java.util.UUID id(String key) {
        return java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static List<String> values(String key) {
        try {
            List<String> values = new ArrayList<>();
            for (JsonNode value : JSON.readTree(key)) {
                values.add(value.asText());
            }
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a group key: " + key, e);
        }
    }
}
