package io.vigil.detect.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.detect.sigma.ValueTest;
import io.vigil.index.query.Dsl;
import io.vigil.index.query.FieldKind;

/**
 * One per-value {@link ValueTest} on one field as a query: "some value of the field passes the test".
 * The query depends on how the field is indexed ({@link FieldKind}); a comparison the index cannot
 * answer exactly is refused.
 */
final class ValueQueries {

    private ValueQueries() {
    }

    static ObjectNode of(String field, FieldKind kind, ValueTest test) {
        return switch (test) {
            case ValueTest.StringMatch s -> string(field, kind, s);
            case ValueTest.EqualsAny set -> Dsl.or(set.values().stream().sorted()
                    .map(v -> equalsText(field, kind, v, !set.cased())).toList());
            case ValueTest.Wildcard w -> glob(field, kind, w);
            case ValueTest.Regex r -> regex(field, kind, r);
            case ValueTest.NumberEquals n -> numberEquals(field, kind, n);
            case ValueTest.NumberCompare c -> range(field, kind, c);
            case ValueTest.Cidr c -> cidr(field, kind, c);
            case ValueTest.TimePart t -> throw new QueryTranslationException("time-part",
                    "time modifiers (" + t.part() + ") need a script on a date field");
            default -> throw new IllegalArgumentException("field-level test " + test);
        };
    }

    private static ObjectNode string(String field, FieldKind kind, ValueTest.StringMatch s) {
        if (s.op() == ValueTest.StringOp.EQUALS) {
            return equalsText(field, kind, s.text(), !s.cased());
        }
        stringField(field, kind, s.op().name().toLowerCase(Locale.ROOT));
        String text = Dsl.escapeWildcard(s.text());
        String pattern = switch (s.op()) {
            case CONTAINS -> "*" + text + "*";
            case STARTS_WITH -> text + "*";
            case ENDS_WITH -> "*" + text;
            case EQUALS -> text;
        };
        return Dsl.leaf("wildcard", field, pattern, !s.cased());
    }

    /** Equality with a string: a term on strings, the parsed value on numeric, boolean and ip fields. */
    static ObjectNode equalsText(String field, FieldKind kind, String text, boolean caseInsensitive) {
        return switch (kind) {
            case KEYWORD, FLAT_OBJECT_LEAF, UNMAPPED -> Dsl.term(field, text, caseInsensitive);
            // The matcher compares a number by its Java text ("5", "5.0"): only canonical integers are sure.
            case NUMBER -> text.matches("-?(0|[1-9][0-9]{0,17})") ? Dsl.term(field, text, false) : Dsl.matchNone();
            case BOOLEAN -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                    ? Dsl.term(field, text.toLowerCase(Locale.ROOT), false)
                    : Dsl.matchNone();
            default -> throw notString(field, kind, "equals");
        };
    }

    private static void stringField(String field, FieldKind kind, String op) {
        switch (kind) {
            case KEYWORD, FLAT_OBJECT_LEAF, FLAT_OBJECT, UNMAPPED -> {
            }
            default -> throw notString(field, kind, op);
        }
    }

    private static QueryTranslationException notString(String field, FieldKind kind, String op) {
        return new QueryTranslationException("string-on-" + kind.name().toLowerCase(Locale.ROOT),
                "'" + op + "' on field " + field + ": the matcher compares the value's text, the index holds "
                        + kind.name().toLowerCase(Locale.ROOT) + (kind == FieldKind.OBJECT
                                ? " (the matcher tests the object's JSON text, which is not indexed)"
                                : ""));
    }

    private static ObjectNode glob(String field, FieldKind kind, ValueTest.Wildcard w) {
        stringField(field, kind, "wildcard");
        // The sigma compiler marks case-insensitive globs with an inline (?is) prefix, not a flag.
        boolean ci = (w.pattern().flags() & com.google.re2j.Pattern.CASE_INSENSITIVE) != 0
                || w.pattern().pattern().startsWith("(?is)");
        return Dsl.leaf("wildcard", field, w.glob(), ci);
    }

    private static ObjectNode regex(String field, FieldKind kind, ValueTest.Regex r) {
        stringField(field, kind, "re");
        LuceneRegex.Result lucene = LuceneRegex.translate(r.source(), r.pattern().flags());
        ObjectNode q = Dsl.leaf("regexp", field, lucene.pattern(), lucene.caseInsensitive());
        ObjectNode body = (ObjectNode) q.get("regexp").get(field);
        body.put("flags", "NONE");
        // OpenSearch's own default: a rule's regular expression with bounded repeats of a negated class
        // ([^"]{0,64}) can need millions of states, and building them blocked a node for minutes; beyond
        // this OpenSearch refuses the query at once and the backtest says so (unions of literals, built
        // by Alternations, stay small however many states they need, and keep a higher limit)
        body.put("max_determinized_states", 10_000);
        return q;
    }

    private static ObjectNode numberEquals(String field, FieldKind kind, ValueTest.NumberEquals n) {
        return switch (kind) {
            case NUMBER -> Dsl.term(field, n.number().toPlainString(), false);
            // A string value matches by text ("4688"); case only matters for odd forms like "1E3".
            case KEYWORD, FLAT_OBJECT_LEAF, UNMAPPED -> Dsl.term(field, n.text(), true);
            default -> throw notString(field, kind, "number");
        };
    }

    private static ObjectNode range(String field, FieldKind kind, ValueTest.NumberCompare c) {
        if (kind == FieldKind.UNMAPPED) {
            return Dsl.matchNone();
        }
        if (kind != FieldKind.NUMBER) {
            // The matcher parses strings as numbers; a range on a keyword compares text, not numbers.
            throw new QueryTranslationException("compare-on-" + kind.name().toLowerCase(Locale.ROOT),
                    c.op().name().toLowerCase(Locale.ROOT) + " on non-numeric field " + field);
        }
        BigDecimal bound = c.bound();
        ObjectNode q = Dsl.F.objectNode();
        ObjectNode body = q.putObject("range").putObject(field);
        String v = bound.toPlainString();
        switch (c.op()) {
            case EQ -> {
                body.put("gte", v);
                body.put("lte", v);
            }
            case LT -> body.put("lt", v);
            case LTE -> body.put("lte", v);
            case GT -> body.put("gt", v);
            case GTE -> body.put("gte", v);
        }
        return q;
    }

    private static ObjectNode cidr(String field, FieldKind kind, ValueTest.Cidr c) {
        return switch (kind) {
            case IP -> Dsl.term(field, c.network().toPrefixBlock().toCanonicalString(), false);
            case UNMAPPED -> Dsl.matchNone();
            default -> throw new QueryTranslationException("cidr-on-" + kind.name().toLowerCase(Locale.ROOT),
                    "cidr on field " + field + " which is not mapped as ip (range containment needs an ip field)");
        };
    }

    static List<ObjectNode> list(ObjectNode... q) {
        return new ArrayList<>(List.of(q));
    }
}
