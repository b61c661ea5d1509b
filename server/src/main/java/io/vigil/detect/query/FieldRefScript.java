package io.vigil.detect.query;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.index.query.Dsl;
import io.vigil.index.query.FieldKind;
import io.vigil.index.query.FieldTypes;

/**
 * {@code fieldref} as a Painless script query over doc values: some value of one field compares with
 * some value of the other. Keyword fields have doc values holding the whole string; a flat_object leaf
 * has none of its own, so its values are read from the root's {@code _valueAndPath} doc values
 * ({@code "<root>.<path>=<value>"}, the form OpenSearch 3.x stores). Other kinds are refused.
 */
final class FieldRefScript {

    /** values(f) collects a field's strings from its own doc values or its flat_object root's. */
    private static final String SOURCE = """
            List values(def doc, String field, String root) {
              List out = new ArrayList();
              if (root == null) {
                if (doc.containsKey(field)) { for (def v : doc[field]) { out.add(v.toString()); } }
                return out;
              }
              String key = root + '._valueAndPath';
              if (!doc.containsKey(key)) { return out; }
              String p1 = root + '.' + field + '='; String p2 = field + '=';
              for (def v : doc[key]) {
                String s = v.toString();
                if (s.startsWith(p1)) { out.add(s.substring(p1.length())); }
                else if (s.startsWith(p2)) { out.add(s.substring(p2.length())); }
              }
              return out;
            }
            for (String x : values(doc, params.a, params.ra)) {
              for (String y : values(doc, params.b, params.rb)) {
                String v = x; String o = y;
                if (params.ci) { v = v.toLowerCase(); o = o.toLowerCase(); }
                if (params.op == 'EQUALS' ? v.equals(o) : params.op == 'CONTAINS' ? v.contains(o)
                    : params.op == 'STARTS_WITH' ? v.startsWith(o) : v.endsWith(o)) { return true; }
              }
            }
            return false;
            """;

    private FieldRefScript() {
    }

    static ObjectNode of(String field, String other, String op, boolean cased, FieldTypes types) {
        FieldKind kind = types.kind(field);
        FieldKind otherKind = types.kind(other);
        if (kind == FieldKind.UNMAPPED || otherKind == FieldKind.UNMAPPED) {
            return Dsl.matchNone();
        }
        check(field, kind, other);
        check(other, otherKind, field);
        ObjectNode q = Dsl.F.objectNode();
        ObjectNode script = q.putObject("script").putObject("script");
        script.put("lang", "painless");
        script.put("source", SOURCE);
        ObjectNode params = script.putObject("params");
        params.put("a", field);
        params.put("ra", types.flatObjectRoot(field));
        params.put("b", other);
        params.put("rb", types.flatObjectRoot(other));
        params.put("op", op);
        params.put("ci", !cased);
        return q;
    }

    private static void check(String field, FieldKind kind, String other) {
        if (kind != FieldKind.KEYWORD && kind != FieldKind.FLAT_OBJECT_LEAF) {
            throw new QueryTranslationException("fieldref-on-" + kind.name().toLowerCase(Locale.ROOT),
                    "fieldref between " + field + " and " + other + ": " + field + " is "
                            + kind.name().toLowerCase(Locale.ROOT) + ", only keyword values compare as text");
        }
    }
}
