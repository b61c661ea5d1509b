package io.vigil.detect.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.vigil.detect.sigma.SigmaCorrelation;

/**
 * The correlation rules in force, their references resolved to rule ids and put in an order where a
 * correlation comes after every correlation it correlates (so one pass settles a chain). Correlations
 * naming an unknown rule or taking part in a cycle are refused, each with the reason.
 */
public final class CorrelationSet {

    /** A correlation whose references resolved: {@code ruleIds[i]} is the rule {@code rule.rules()[i]} named. */
    public record Compiled(String id, SigmaCorrelation rule, List<String> ruleIds) {

        public Compiled {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /** A correlation that is not in force, and why. */
    public record Refusal(String id, String path, String feature, String message) {
    }

    /** One use of a rule's matches: by this correlation, as its {@code index}-th rule. */
    public record Use(Compiled correlation, int index) {
    }

    public static final CorrelationSet EMPTY = new CorrelationSet(List.of(), Map.of(), List.of());

    private final List<Compiled> order;
    private final Map<String, List<Use>> uses;
    private final List<Refusal> refused;

    private CorrelationSet(List<Compiled> order, Map<String, List<Use>> uses, List<Refusal> refused) {
        this.order = List.copyOf(order);
        this.uses = Map.copyOf(uses);
        this.refused = List.copyOf(refused);
    }

    /**
     * @param correlations stored id to rule
     * @param detectionRule a reference (id or name) to the id of the active detection rule it names
     */
    public static CorrelationSet of(Map<String, SigmaCorrelation> correlations,
            Function<String, Optional<String>> detectionRule) {
        Map<String, String> correlationNames = new HashMap<>();
        correlations.forEach((id, rule) -> {
            if (rule.name() != null) {
                correlationNames.put(rule.name(), id);
            }
        });
        List<Refusal> refused = new ArrayList<>();
        Map<String, Compiled> resolved = new LinkedHashMap<>();
        correlations.forEach((id, rule) -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < rule.rules().size(); i++) {
                String reference = rule.rules().get(i);
                String target = correlations.containsKey(reference) ? reference : correlationNames.get(reference);
                if (target == null) {
                    target = detectionRule.apply(reference).orElse(null);
                }
                if (target == null) {
                    refused.add(new Refusal(id, "correlation.rules[" + i + "]", "correlation:unknown-rule",
                            "no enabled rule has the id or name '" + reference + "'"));
                    return;
                }
                ids.add(target);
            }
            resolved.put(id, new Compiled(id, rule, ids));
        });
        List<Compiled> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (String id : List.copyOf(resolved.keySet())) {
            visit(id, resolved, state, order, refused, new ArrayList<>());
        }
        Map<String, List<Use>> uses = new HashMap<>();
        for (Compiled c : order) {
            for (int i = 0; i < c.ruleIds().size(); i++) {
                uses.computeIfAbsent(c.ruleIds().get(i), k -> new ArrayList<>()).add(new Use(c, i));
            }
        }
        uses.replaceAll((k, v) -> List.copyOf(v));
        return new CorrelationSet(order, uses, refused);
    }

    /**
     * Depth first: 1 = on the path, 2 = placed. A correlation that reaches itself, or one that needs a
     * refused correlation, is refused.
     */
    private static boolean visit(String id, Map<String, Compiled> resolved, Map<String, Integer> state,
            List<Compiled> order, List<Refusal> refused, List<String> path) {
        Integer seen = state.get(id);
        if (seen != null) {
            if (seen == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
                cycle.add(id);
                refused.add(new Refusal(id, "correlation.rules", "correlation:cycle",
                        "the correlations refer to each other in a cycle: " + String.join(" → ", cycle)));
            }
            return seen == 2;
        }
        Compiled c = resolved.get(id);
        if (c == null) {
            return false;
        }
        state.put(id, 1);
        path.add(id);
        boolean ok = true;
        for (String target : c.ruleIds()) {
            if (isCorrelation(target, resolved, refused) && !visit(target, resolved, state, order, refused, path)) {
                ok = false;
            }
        }
        path.remove(path.size() - 1);
        if (!ok) {
            state.put(id, 3);
            if (refused.stream().noneMatch(r -> r.id().equals(id))) {
                refused.add(new Refusal(id, "correlation.rules", "correlation:refused-rule",
                        "it correlates a correlation that is refused"));
            }
            return false;
        }
        state.put(id, 2);
        order.add(c);
        return true;
    }

    private static boolean isCorrelation(String id, Map<String, Compiled> resolved, List<Refusal> refused) {
        return resolved.containsKey(id) || refused.stream().anyMatch(r -> r.id().equals(id));
    }

    /** Correlations in force, each after those it correlates. */
    public List<Compiled> order() {
        return order;
    }

    /** Who uses the matches of this rule (a detection rule or a correlation). */
    public List<Use> uses(String ruleId) {
        return uses.getOrDefault(ruleId, List.of());
    }

    public List<Refusal> refused() {
        return refused;
    }

    public boolean isEmpty() {
        return order.isEmpty();
    }
}
