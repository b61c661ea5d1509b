package io.vigil.detect.match;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.vigil.detect.sigma.Condition;
import io.vigil.detect.sigma.Detection;
import io.vigil.detect.sigma.Search;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.detect.sigma.ValueTest;

/**
 * A compiled rule's detection prepared for in-memory matching: the AST is turned once into a tree of
 * small evaluators, so matching an event allocates little beyond what the field lookups need. Immutable
 * and thread-safe.
 */
public final class RuleMatcher {

    /** One node of the evaluation tree. */
    @FunctionalInterface
    interface Node {

        boolean eval(EventFields event);
    }

    private final Node root;

    public RuleMatcher(Detection detection) {
        Map<String, Node> searches = new HashMap<>();
        detection.searches().forEach((name, search) -> searches.put(name, search(search)));
        this.root = condition(detection.condition(), searches);
    }

    public static RuleMatcher of(SigmaRule rule) {
        return new RuleMatcher(rule.detection());
    }

    public boolean matches(EventFields event) {
        return root.eval(event);
    }

    private static Node condition(Condition c, Map<String, Node> searches) {
        return switch (c) {
            case Condition.Ref ref -> searches.get(ref.name());
            case Condition.Not not -> negate(condition(not.operand(), searches));
            case Condition.And and -> all(and.operands().stream().map(o -> condition(o, searches)).toList());
            case Condition.Or or -> any(or.operands().stream().map(o -> condition(o, searches)).toList());
            case Condition.Of of -> {
                List<Node> nodes = of.names().stream().map(searches::get).toList();
                yield of.all() ? all(nodes) : any(nodes);
            }
        };
    }

    private static Node search(Search s) {
        return switch (s) {
            case Search.AllOf all -> all(all.parts().stream().map(RuleMatcher::search).toList());
            case Search.AnyOf any -> any(any.parts().stream().map(RuleMatcher::search).toList());
            case Search.FieldTest f -> field(f.field(), f.test());
            case Search.Keywords k -> keywords(k.test());
        };
    }

    private static Node field(String field, ValueTest test) {
        return switch (test) {
            case ValueTest.AllOf all -> all(all.tests().stream().map(t -> field(field, t)).toList());
            case ValueTest.Not not -> negate(field(field, not.test()));
            case ValueTest.Exists e -> event -> event.has(field) == e.present();
            case ValueTest.FieldRef ref -> event -> event.anyValue(field,
                    v -> v != null && event.anyValue(ref.otherField(),
                            o -> o != null && StringOps.matches(ref.op(), ValuePredicates.text(v),
                                    ValuePredicates.text(o), ref.cased())));
            case ValueTest.AnyOf any when any.tests().stream().anyMatch(RuleMatcher::fieldLevel) ->
                any(any.tests().stream().map(t -> field(field, t)).toList());
            default -> {
                Predicate<Object> p = ValuePredicates.of(test);
                boolean absent = ValuePredicates.acceptsAbsent(test);
                yield absent
                        ? event -> event.anyValue(field, p) || !event.has(field)
                        : event -> event.anyValue(field, p);
            }
        };
    }

    private static boolean fieldLevel(ValueTest t) {
        return t instanceof ValueTest.AllOf || t instanceof ValueTest.Not || t instanceof ValueTest.Exists
                || t instanceof ValueTest.FieldRef;
    }

    private static Node keywords(ValueTest test) {
        return switch (test) {
            case ValueTest.AllOf all -> all(all.tests().stream().map(RuleMatcher::keywords).toList());
            case ValueTest.Not not -> negate(keywords(not.test()));
            default -> {
                Predicate<Object> p = ValuePredicates.of(test);
                Predicate<String> strings = p::test;
                yield event -> event.anyString(strings);
            }
        };
    }

    private static Node negate(Node n) {
        return event -> !n.eval(event);
    }

    private static Node all(List<Node> nodes) {
        Node[] array = nodes.toArray(Node[]::new);
        return event -> {
            for (Node n : array) {
                if (!n.eval(event)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Node any(List<Node> nodes) {
        Node[] array = nodes.toArray(Node[]::new);
        return event -> {
            for (Node n : array) {
                if (n.eval(event)) {
                    return true;
                }
            }
            return false;
        };
    }
}
