package io.vigil.detect.sigma;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code correlation} document to a {@link SigmaCorrelation}, refusing what the specification does not
 * define or Vigil cannot evaluate exactly, with the place and the feature.
 */
final class CorrelationCompiler {

    /** Windows longer than this would keep too much state per group; the specification's longest is 1d. */
    static final Duration MAX_TIMESPAN = Duration.ofDays(30);
    private static final Set<String> CONDITION_KEYS = Set.of("gt", "gte", "lt", "lte", "eq", "neq", "field",
            "percentile");
    private static final Set<String> SECTION_KEYS = Set.of("type", "rules", "group-by", "timespan", "condition",
            "aliases", "generate");

    private CorrelationCompiler() {
    }

    static SigmaCorrelation compile(Map<String, Object> doc, String text) {
        String title = Meta.required(doc, "title", "");
        Map<String, Object> c = Meta.map(doc, "correlation", "", true);
        for (String key : c.keySet()) {
            if (!SECTION_KEYS.contains(key)) {
                throw new SigmaException("correlation." + key, "correlation:unknown-key", "'" + key
                        + "' is not part of a correlation (type, rules, group-by, timespan, condition, aliases,"
                        + " generate)");
            }
        }
        // 'generate' sits in the correlation section in the specification's examples, at the top in some tools
        boolean generate = flag(c, "generate", "correlation.") || flag(doc, "generate", "");
        String typeName = Meta.required(c, "type", "correlation.");
        CorrelationType type = CorrelationType.of(typeName).orElseThrow(() -> new SigmaException(
                "correlation.type", "correlation:type:" + typeName, "unknown correlation type '" + typeName
                        + "': one of event_count, value_count, temporal, temporal_ordered, value_sum, value_avg,"
                        + " value_percentile, value_median"));
        List<String> rules = Meta.strings(c, "rules", "correlation.");
        if (rules.isEmpty()) {
            throw new SigmaException("correlation.rules", "correlation:missing-rules",
                    "a correlation names the rules it correlates");
        }
        if (rules.stream().distinct().count() < rules.size()) {
            throw new SigmaException("correlation.rules", "correlation:duplicate-rule", "a rule is named twice");
        }
        if (type == CorrelationType.TEMPORAL_ORDERED && rules.size() < 2 || type == CorrelationType.TEMPORAL
                && rules.size() < 2) {
            throw new SigmaException("correlation.rules", "correlation:" + type.sigma() + ":one-rule",
                    type.sigma() + " relates two or more rules; for one rule use event_count");
        }
        List<String> groupBy = Meta.strings(c, "group-by", "correlation.");
        Map<String, Map<String, String>> aliases = aliases(c, rules, groupBy);
        Duration timespan = timespan(Meta.required(c, "timespan", "correlation."));
        Map<String, Object> condition = Meta.map(c, "condition", "correlation.", false);
        for (String key : condition.keySet()) {
            if (!CONDITION_KEYS.contains(key)) {
                throw new SigmaException("correlation.condition." + key, "correlation:condition:" + key,
                        "'" + key + "' is not a condition: gt, gte, lt, lte, eq, neq (and field, percentile)");
            }
        }
        List<String> fields = Meta.strings(condition, "field", "correlation.condition.");
        checkFields(type, fields);
        BigDecimal percentile = percentile(type, condition);
        Threshold threshold = threshold(type, condition, rules.size());
        return new SigmaCorrelation(Meta.string(doc, "id"), Meta.string(doc, "name"), title,
                Meta.string(doc, "status"), Meta.string(doc, "level"), Meta.string(doc, "description"),
                Meta.strings(doc, "tags", ""), type, rules, groupBy, timespan, threshold, fields, percentile,
                aliases, generate, text);
    }

    static Duration timespan(String text) {
        Duration span = io.vigil.event.Spans.parse(text).orElseThrow(() -> new SigmaException("correlation.timespan",
                "correlation:timespan", "timespan '" + text + "': a whole number and s, m, h or d (for example 90m)"));
        if (span.compareTo(MAX_TIMESPAN) > 0) {
            throw new SigmaException("correlation.timespan", "correlation:timespan-too-long", "timespan '" + text
                    + "': at most 30d (state is kept for the whole window of every group)");
        }
        return span;
    }

    private static void checkFields(CorrelationType type, List<String> fields) {
        if (type.needsField() && fields.isEmpty()) {
            throw new SigmaException("correlation.condition.field", "correlation:" + type.sigma() + ":missing-field",
                    type.sigma() + " needs condition.field, the field it aggregates");
        }
        if (!type.needsField() && !fields.isEmpty()) {
            throw new SigmaException("correlation.condition.field", "correlation:" + type.sigma() + ":field",
                    type.sigma() + " aggregates no field; condition.field is for value_* types");
        }
        if (type.numeric() && fields.size() > 1) {
            throw new SigmaException("correlation.condition.field", "correlation:" + type.sigma() + ":fields",
                    type.sigma() + " aggregates one numeric field");
        }
    }

    private static BigDecimal percentile(CorrelationType type, Map<String, Object> condition) {
        String text = Meta.string(condition, "percentile");
        if (type == CorrelationType.VALUE_MEDIAN) {
            if (text != null) {
                throw new SigmaException("correlation.condition.percentile", "correlation:value_median:percentile",
                        "value_median is the 50th percentile; use value_percentile for another");
            }
            return BigDecimal.valueOf(50);
        }
        if (type != CorrelationType.VALUE_PERCENTILE) {
            if (text != null) {
                throw new SigmaException("correlation.condition.percentile", "correlation:percentile",
                        "percentile is for value_percentile only");
            }
            return null;
        }
        if (text == null) {
            throw new SigmaException("correlation.condition.percentile",
                    "correlation:value_percentile:missing-percentile", "value_percentile needs condition.percentile"
                            + " (1-100): which percentile of the field's values the bounds compare");
        }
        BigDecimal p = number(text, "correlation.condition.percentile");
        if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new SigmaException("correlation.condition.percentile", "correlation:percentile-range",
                    "percentile " + text + ": above 0 and at most 100");
        }
        return p;
    }

    private static Threshold threshold(CorrelationType type, Map<String, Object> condition, int ruleCount) {
        List<Threshold.Bound> bounds = new ArrayList<>();
        for (Threshold.Op op : Threshold.Op.values()) {
            String text = Meta.string(condition, op.sigma());
            if (text != null) {
                bounds.add(new Threshold.Bound(op, number(text, "correlation.condition." + op.sigma())));
            }
        }
        if (type == CorrelationType.TEMPORAL_ORDERED) {
            if (!bounds.isEmpty()) {
                throw new SigmaException("correlation.condition", "correlation:temporal_ordered:condition",
                        "temporal_ordered needs every rule, in order; a condition has no defined meaning here");
            }
            return Threshold.atLeast(ruleCount);
        }
        if (bounds.isEmpty()) {
            if (type == CorrelationType.TEMPORAL) {
                return Threshold.atLeast(ruleCount);
            }
            throw new SigmaException("correlation.condition", "correlation:" + type.sigma() + ":missing-condition",
                    type.sigma() + " needs a condition: gt, gte, lt, lte, eq or neq and a number");
        }
        return new Threshold(bounds);
    }

    private static BigDecimal number(String text, String path) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new SigmaException(path, "correlation:condition-number", "'" + text + "' is not a number");
        }
    }

    private static boolean flag(Map<String, Object> map, String key, String path) {
        String value = Meta.string(map, key);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SigmaException(path + key, "correlation:invalid-" + key, key + " is true or false");
        };
    }

    private static Map<String, Map<String, String>> aliases(Map<String, Object> c, List<String> rules,
            List<String> groupBy) {
        Map<String, Object> section = Meta.map(c, "aliases", "correlation.", false);
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        for (String alias : section.keySet()) {
            String path = "correlation.aliases." + alias;
            Map<String, Object> perRule = Meta.map(section, alias, "correlation.aliases.", true);
            Map<String, String> fields = new LinkedHashMap<>();
            for (String rule : perRule.keySet()) {
                if (!rules.contains(rule)) {
                    throw new SigmaException(path + "." + rule, "correlation:alias-rule", "alias '" + alias
                            + "' names rule '" + rule + "', which the correlation does not correlate");
                }
                String field = Meta.string(perRule, rule);
                if (field == null || field.isBlank()) {
                    throw new SigmaException(path + "." + rule, "correlation:alias-field", "alias '" + alias
                            + "' gives no field for rule '" + rule + "'");
                }
                fields.put(rule, field);
            }
            for (String rule : rules) {
                if (!fields.containsKey(rule)) {
                    throw new SigmaException(path, "correlation:alias-missing-rule", "alias '" + alias
                            + "' does not say which field rule '" + rule + "' holds it in");
                }
            }
            if (!groupBy.contains(alias)) {
                throw new SigmaException(path, "correlation:alias-unused", "alias '" + alias
                        + "' is not in group-by");
            }
            aliases.put(alias, Map.copyOf(fields));
        }
        return aliases;
    }
}
