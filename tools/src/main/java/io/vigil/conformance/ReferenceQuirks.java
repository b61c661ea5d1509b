package io.vigil.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.conformance.CloudTrailSets.Event;
import io.vigil.detect.match.EventFields;
import io.vigil.detect.match.JsonEventFields;
import io.vigil.detect.match.RuleMatcher;
import io.vigil.detect.sigma.SigmaRule;

/**
 * Known ways the reference's CloudTrail runs (pySigma's SQLite back end over a table of the events)
 * decide differently from Sigma's semantics, each with a check that confirms it for one decision. A
 * disagreement is put on the reference only when a check here confirms it; the reason printed says
 * what was checked:
 * <ul>
 * <li>{@link #CASE_INSENSITIVE_KEYS}: Vigil, run on the event with its keys case-folded, decides as the
 * reference did; so the disagreement comes from key spelling alone.
 * <li>{@link #SELF_CONTRADICTION}: another event of the set carries the same values in every field the
 * rule reads, and there the reference decided as Vigil does here. A query reads only those fields, so
 * the reference's two decisions cannot both be right; this proves the reference inconsistent, and
 * Vigil consistent with one of its decisions (Vigil decides both events alike by construction).
 * </ul>
 */
final class ReferenceQuirks {

    static final String CASE_INSENSITIVE_KEYS = "the reference matches field names case-insensitively (SQLite"
            + " column names are case-insensitive), Sigma field names are case-sensitive: the event spells a"
            + " rule's field in another case (e.g. eventsource for eventSource), and with the event's keys"
            + " case-folded Vigil decides as the reference";
    static final String SELF_CONTRADICTION = "the reference contradicts itself: for another event of the same"
            + " set whose values are the same in every field the rule reads (names compared exactly and"
            + " case-insensitively), it decided the opposite, as Vigil decides here; a query over those fields"
            + " cannot tell the two events apart";

    /** A disagreement put on the reference: the reason (shared by a class) and what confirms it here. */
    record Explanation(String reason, String detail) {
    }

    private ReferenceQuirks() {
    }

    /**
     * Why the reference's decision (the opposite of {@code vigil}) on {@code event} is the reference's
     * quirk, if a check confirms one.
     *
     * @param set every event of the set
     * @param referenceMatched the reference's decision for this rule on an event of the set
     */
    static Optional<Explanation> explain(SigmaRule rule, Event event, boolean vigil, List<Event> set,
            Predicate<Event> referenceMatched) {
        RuleMatcher matcher = RuleMatcher.of(rule);
        if (matcher.matches(caseFolded(event.json())) != vigil) {
            return Optional.of(new Explanation(CASE_INSENSITIVE_KEYS, ""));
        }
        List<Object> seen = projection(rule, event.json());
        // a JSON-identical event is the plainest evidence, so it is named first when there is one
        return set.stream()
                .filter(other -> other != event && referenceMatched.test(other) == vigil
                        && projection(rule, other.json()).equals(seen))
                .min(Comparator.comparing((Event other) -> !other.json().equals(event.json())))
                .map(other -> new Explanation(SELF_CONTRADICTION, "; the reference says " + (vigil ? "yes" : "no")
                        + " on " + other.file() + " #" + other.index()
                        + (other.json().equals(event.json())
                                ? ", a JSON-identical event"
                                : ", same values in "
                                        + rule.detection().fields())));
    }

    /**
     * What the rule can see of an event: the values of each field it reads, looked up exactly and
     * case-folded; the whole event for a keyword search.
     */
    private static List<Object> projection(SigmaRule rule, JsonNode event) {
        if (rule.detection().hasKeywords()) {
            return List.of(event);
        }
        List<Object> values = new ArrayList<>();
        EventFields exact = new JsonEventFields(event);
        EventFields folded = caseFolded(event);
        for (String field : rule.detection().fields()) {
            values.add(values(exact, field));
            values.add(values(folded, field));
        }
        return values;
    }

    /** Every value of the field, in order; absent and present-but-null differ. */
    private static List<Object> values(EventFields event, String field) {
        List<Object> values = new ArrayList<>();
        values.add(event.has(field));
        event.anyValue(field, v -> {
            values.add(v == null ? null : v.toString());
            return false;
        });
        return values;
    }

    /** The event with every key lower-cased, looked up with lower-cased field names. */
    static EventFields caseFolded(JsonNode event) {
        JsonEventFields folded = new JsonEventFields(fold(event));
        return new EventFields() {

            @Override
            public boolean has(String field) {
                return folded.has(lower(field));
            }

            @Override
            public boolean anyValue(String field, Predicate<Object> test) {
                return folded.anyValue(lower(field), test);
            }

            @Override
            public boolean anyString(Predicate<String> test) {
                return folded.anyString(test);
            }
        };
    }

    private static JsonNode fold(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(lower(field.getKey()), fold(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(fold(element)));
            return copy;
        }
        return node;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
