package io.vigil.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads metadata fields of a Sigma document, refusing ones of the wrong shape. */
final class Meta {

    private Meta() {
    }

    /** The text of a scalar entry, or null when absent, null or not a scalar. */
    static String string(Map<String, Object> map, String key) {
        return map != null && map.get(key) instanceof Yaml.Scalar s && s.kind() != Yaml.Kind.NULL ? s.text() : null;
    }

    static String required(Map<String, Object> map, String key, String path) {
        String value = string(map, key);
        if (value == null || value.isBlank()) {
            throw new SigmaException(path + key, "rule:missing-" + key, "'" + key + "' is required");
        }
        return value;
    }

    /** A list of strings; a single scalar counts as a list of one (authors often write one reference). */
    static List<String> strings(Map<String, Object> map, String key, String path) {
        Object value = map == null ? null : map.get(key);
        if (value == null || value instanceof Yaml.Scalar s && s.kind() == Yaml.Kind.NULL) {
            return List.of();
        }
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Yaml.Scalar s)) {
                throw new SigmaException(path + key, "rule:invalid-" + key, "'" + key + "' must be a list of strings");
            }
            out.add(s.text());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String key, String path, boolean required) {
        Object value = map.get(key);
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        if (value == null && !required) {
            return Map.of();
        }
        throw new SigmaException(path + key, "rule:missing-" + key, "'" + key + "' must be a mapping");
    }
}
