package io.vigil.detect.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.detect.sigma.Condition;
import io.vigil.detect.sigma.Detection;
import io.vigil.detect.sigma.Search;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.detect.sigma.ValueTest;
import io.vigil.index.query.Dsl;
import io.vigil.index.query.FieldKind;
import io.vigil.index.query.FieldTypes;

/**
 * The OpenSearch back end: a rule's detection as a query selecting exactly the stored events the
 * in-memory {@code RuleMatcher} matches. Field tests become term/wildcard/regexp/range queries chosen by
 * the field's mapping ({@link FieldTypes}); anything the index cannot answer exactly throws
 * {@link QueryTranslationException} naming the feature, and the rule is then not backtested by query.
 *
 * <p>
 * Events are stored as they arrive, so a Sigma field name is the index field name: a flat key
 * {@code CommandLine} and a nested {@code requestParameters.userName} (a flat_object leaf) are both found
 * by the dotted name, as the matcher's "flat key, then dotted path" lookup finds them.
 */
public final class SigmaQueryTranslator {

    /** OpenSearch's default {@code indices.query.bool.max_clause_count}. */
    static final int MAX_CLAUSES = 1024;

    private final FieldTypes types;
    private final Function<String, List<String>> fieldNames;

    public SigmaQueryTranslator(FieldTypes types) {
        this(types, List::of);
    }

    /**
     * With a field mapping: a Sigma field is looked for under each of its stored names (Windows event
     * data is kept under {@code winlog.event_data.*}). A value test holds when it holds for some name,
     * presence when some name is present — the matcher's mapped lookup, so negations stay exact.
     */
    public SigmaQueryTranslator(FieldTypes types, Function<String, List<String>> fieldNames) {
        this.types = types;
        this.fieldNames = fieldNames;
    }

    public ObjectNode translate(SigmaRule rule) {
        return translate(rule.detection());
    }

    /** @throws QueryTranslationException when some part has no exact query */
    public ObjectNode translate(Detection detection) {
        ObjectNode query = condition(detection.condition(), detection.searches());
        int leaves = leaves(query);
        if (leaves > MAX_CLAUSES) {
            throw new QueryTranslationException("query:too-many-clauses", leaves + " leaf queries; OpenSearch"
                    + " refuses more than " + MAX_CLAUSES + " (indices.query.bool.max_clause_count)");
        }
        return query;
    }

    /** Counts leaf queries the way Lucene's clause limit does: every non-bool query in the tree. */
    static int leaves(com.fasterxml.jackson.databind.JsonNode query) {
        com.fasterxml.jackson.databind.JsonNode bool = query.get("bool");
        if (bool == null) {
            return 1;
        }
        int n = 0;
        for (String occur : List.of("must", "filter", "should", "must_not")) {
            for (var clause : bool.path(occur)) {
                n += leaves(clause);
            }
        }
        return n;
    }

    private ObjectNode condition(Condition c, Map<String, Search> searches) {
        return switch (c) {
            case Condition.Ref ref -> search(searches.get(ref.name()));
            case Condition.Not not -> Dsl.not(condition(not.operand(), searches));
            case Condition.And and -> Dsl.and(and.operands().stream().map(o -> condition(o, searches)).toList());
            case Condition.Or or -> Dsl.or(or.operands().stream().map(o -> condition(o, searches)).toList());
            case Condition.Of of -> {
                List<ObjectNode> parts = of.names().stream().map(n -> search(searches.get(n))).toList();
                yield parts.isEmpty()
                        ? (of.all() ? Dsl.matchAll() : Dsl.matchNone())
                        : of.all() ? Dsl.and(parts) : Dsl.or(parts);
            }
        };
    }

    private ObjectNode search(Search s) {
        return switch (s) {
            case Search.AllOf all -> all.parts().isEmpty()
                    ? Dsl.matchAll()
                    : Dsl.and(all.parts().stream().map(this::search).toList());
            case Search.AnyOf any -> any.parts().isEmpty()
                    ? Dsl.matchNone()
                    : Dsl.or(any.parts().stream().map(this::search).toList());
            case Search.FieldTest f -> field(f.field(), f.test());
            case Search.Keywords k -> keywords(k.test());
        };
    }

    /** Mirrors RuleMatcher.field: field-level tests look at the whole field, the rest at some value. */
    ObjectNode field(String field, ValueTest test) {
        return switch (test) {
            case ValueTest.AllOf all -> Dsl.and(all.tests().stream().map(t -> field(field, t)).toList());
            case ValueTest.AnyOf any when any.tests().stream().anyMatch(SigmaQueryTranslator::fieldLevel) ->
                Dsl.or(any.tests().stream().map(t -> field(field, t)).toList());
            case ValueTest.AnyOf any -> somewhere(field, (name, kind) -> Dsl.or(Alternations.anyOf(name,
                    objectChecked(name, kind), any.tests())));
            case ValueTest.EqualsAny set -> somewhere(field, (name, kind) -> Dsl.or(Alternations.anyOf(name,
                    objectChecked(name, kind), List.of(set))));
            case ValueTest.Not not -> Dsl.not(field(field, not.test()));
            // exists ignores null values, the matcher counts a present null: the gap only shows on "x": null.
            case ValueTest.Exists e -> e.present()
                    ? somewhere(field, (name, kind) -> Dsl.exists(name))
                    : Dsl.not(somewhere(field, (name, kind) -> Dsl.exists(name)));
            case ValueTest.IsNull n -> Dsl.not(somewhere(field, (name, kind) -> Dsl.exists(name)));
            case ValueTest.FieldRef ref -> Dsl.or(fieldNames.apply(ref.otherField()).stream()
                    .flatMap(other -> fieldNames.apply(field).stream().map(name -> FieldRefScript.of(name, other,
                            ref.op().name(), ref.cased(), types)))
                    .toList());
            default -> somewhere(field, (name, kind) -> ValueQueries.of(name, objectChecked(name, kind), test));
        };
    }

    /**
     * The query for one stored name, ORed over the field's stored names. Where a field has several
     * names, those the index holds as objects are left out (they are other things than this field).
     */
    private ObjectNode somewhere(String field, java.util.function.BiFunction<String, FieldKind, ObjectNode> query) {
        List<String> names = fieldNames.apply(field);
        if (names.size() == 1) {
            return query.apply(names.get(0), types.kind(names.get(0)));
        }
        List<ObjectNode> parts = new ArrayList<>();
        for (String name : names) {
            FieldKind kind = types.kind(name);
            if (kind != FieldKind.OBJECT) {
                parts.add(query.apply(name, kind));
            }
        }
        return parts.isEmpty() ? query.apply(names.get(0), types.kind(names.get(0))) : Dsl.or(parts);
    }

    /** Tests that look at the whole field (all values, presence) rather than at one value. */
    private static boolean fieldLevel(ValueTest t) {
        return t instanceof ValueTest.AllOf || t instanceof ValueTest.Not || t instanceof ValueTest.Exists
                || t instanceof ValueTest.FieldRef || t instanceof ValueTest.IsNull
                || t instanceof ValueTest.AnyOf;
    }

    private static FieldKind objectChecked(String field, FieldKind kind) {
        if (kind == FieldKind.OBJECT) {
            throw new QueryTranslationException("value-on-object", "field " + field
                    + " is an object: the matcher tests its JSON text, which is not indexed");
        }
        return kind;
    }

    /** Keyword search: some string value anywhere in the event, i.e. any keyword or flat_object field. */
    private ObjectNode keywords(ValueTest test) {
        return switch (test) {
            case ValueTest.AllOf all -> Dsl.and(all.tests().stream().map(this::keywords).toList());
            case ValueTest.Not not -> Dsl.not(keywords(not.test()));
            case ValueTest.AnyOf any when any.tests().stream().anyMatch(SigmaQueryTranslator::fieldLevel) ->
                Dsl.or(any.tests().stream().map(this::keywords).toList());
            default -> {
                Set<String> fields = types.stringFields();
                if (fields.isEmpty()) {
                    throw new QueryTranslationException("keywords:no-field-list",
                            "keyword search needs the mapping's string fields to spread over");
                }
                List<ValueTest> tests = test instanceof ValueTest.AnyOf any ? any.tests() : List.of(test);
                List<ObjectNode> parts = new ArrayList<>();
                // Every string leaf counts, flat_object leaves included: the root's terms are its leaves.
                for (String f : fields) {
                    parts.addAll(Alternations.anyOf(f, FieldKind.KEYWORD, tests));
                }
                yield Dsl.or(parts);
            }
        };
    }
}
