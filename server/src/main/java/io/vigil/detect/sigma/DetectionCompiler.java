package io.vigil.detect.sigma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles a {@code detection} (or filter) mapping: every search, then the condition over them. */
final class DetectionCompiler {

    private final ValueCompiler values;

    DetectionCompiler(ValueCompiler values) {
        this.values = values;
    }

    Detection compile(Object node, String path) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new SigmaException(path, "detection:missing", "detection must be a mapping");
        }
        Map<String, Search> searches = new LinkedHashMap<>();
        Object condition = null;
        for (var entry : map.entrySet()) {
            String name = (String) entry.getKey();
            String at = path + "." + name;
            switch (name) {
                case "condition" -> condition = entry.getValue();
                case "timeframe" -> {
                    // Only meaningful with the deprecated aggregations, which the condition refuses.
                }
                default -> searches.put(name, search(entry.getValue(), at));
            }
        }
        if (searches.isEmpty()) {
            throw new SigmaException(path, "detection:no-search", "detection has no search");
        }
        return new Detection(searches, condition(condition, searches, path + ".condition"));
    }

    private static Condition condition(Object node, Map<String, Search> searches, String path) {
        if (node instanceof Yaml.Scalar s && s.kind() != Yaml.Kind.NULL) {
            return ConditionParser.parse(s.text(), searches.keySet(), path);
        }
        if (node instanceof List<?> list && !list.isEmpty()) {
            // The old list form means any of the conditions.
            List<Condition> parts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                parts.add(condition(list.get(i), searches, path + "[" + i + "]"));
            }
            return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
        }
        throw new SigmaException(path, "condition:missing", "detection needs a condition");
    }

    private Search search(Object node, String path) {
        return switch (node) {
            case Map<?, ?> map -> fields(map, path);
            case List<?> list when !list.isEmpty() && list.stream().allMatch(Map.class::isInstance) -> {
                List<Search> parts = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    parts.add(fields((Map<?, ?>) list.get(i), path + "[" + i + "]"));
                }
                yield parts.size() == 1 ? parts.get(0) : new Search.AnyOf(parts);
            }
            case List<?> list when !list.isEmpty() && list.stream().allMatch(Yaml.Scalar.class::isInstance) ->
                keywords(List.of(), list, path);
            case Yaml.Scalar s when s.kind() != Yaml.Kind.NULL -> keywords(List.of(), List.of(s), path);
            default -> throw new SigmaException(path, "detection:invalid-search",
                    "a search must be a mapping, a list of mappings or a list of keywords");
        };
    }

    private Search fields(Map<?, ?> map, String path) {
        if (map.isEmpty()) {
            throw new SigmaException(path, "detection:empty-search", "empty search mapping");
        }
        List<Search> parts = new ArrayList<>();
        for (var entry : map.entrySet()) {
            String key = (String) entry.getKey();
            String at = path + "." + key;
            List<String> split = Arrays.asList(key.split("\\|", -1));
            String field = split.get(0);
            List<String> modifiers = split.subList(1, split.size());
            if (field.isEmpty()) {
                parts.add(keywords(modifiers, scalars(entry.getValue(), at), at));
            } else {
                ValueTest test = values.compile(Modifiers.parse(modifiers, at), scalars(entry.getValue(), at), at);
                parts.add(new Search.FieldTest(field, modifiers, test));
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Search.AllOf(parts);
    }

    private Search keywords(List<String> modifiers, List<?> list, String path) {
        List<Yaml.Scalar> scalars = scalars(list, path);
        Modifiers m = Modifiers.parse(modifiers, path);
        if (m.exists() || m.fieldref() || m.timePart() != null) {
            throw new SigmaException(path, "keywords:modifier",
                    "keywords cannot use exists, fieldref or time modifiers");
        }
        // A keyword matches anywhere in a value, as if surrounded by wildcards.
        List<String> effective = new ArrayList<>(modifiers);
        if (m.op() == ValueTest.StringOp.EQUALS && !m.regex() && m.compare() == null && !m.cidr()) {
            effective.add("contains");
        }
        return new Search.Keywords(modifiers, values.compile(Modifiers.parse(effective, path), scalars, path));
    }

    private static List<Yaml.Scalar> scalars(Object node, String path) {
        List<?> list = node instanceof List<?> l ? l : List.of(node);
        List<Yaml.Scalar> scalars = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Yaml.Scalar s)) {
                throw new SigmaException(path, "detection:nested-value",
                        "values must be scalars, not mappings or lists");
            }
            scalars.add(s);
        }
        return scalars;
    }
}
