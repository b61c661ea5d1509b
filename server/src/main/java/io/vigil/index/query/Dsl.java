package io.vigil.index.query;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders for the OpenSearch query DSL as Jackson trees (no client library outside io.vigil.index). */
public final class Dsl {

    /** The node factory the query builders share. */
    public static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Dsl() {
    }

    public static ObjectNode matchAll() {
        ObjectNode q = F.objectNode();
        q.putObject("match_all");
        return q;
    }

    public static ObjectNode matchNone() {
        ObjectNode q = F.objectNode();
        q.putObject("match_none");
        return q;
    }

    public static ObjectNode bool(String occur, List<ObjectNode> clauses) {
        ObjectNode q = F.objectNode();
        ObjectNode bool = q.putObject("bool");
        ArrayNode array = bool.putArray(occur);
        clauses.forEach(array::add);
        if (occur.equals("should")) {
            bool.put("minimum_should_match", 1);
        }
        return q;
    }

    public static ObjectNode and(List<ObjectNode> clauses) {
        return clauses.size() == 1 ? clauses.get(0) : bool("filter", clauses);
    }

    public static ObjectNode or(List<ObjectNode> clauses) {
        return clauses.size() == 1 ? clauses.get(0) : bool("should", clauses);
    }

    public static ObjectNode not(ObjectNode clause) {
        return bool("must_not", List.of(clause));
    }

    /** A leaf query {@code {kind: {field: {value: v, case_insensitive: ci}}}}. */
    public static ObjectNode leaf(String kind, String field, String value, boolean caseInsensitive) {
        ObjectNode q = F.objectNode();
        ObjectNode body = q.putObject(kind).putObject(field);
        body.put("value", value);
        if (caseInsensitive) {
            body.put("case_insensitive", true);
        }
        return q;
    }

    public static ObjectNode term(String field, String value, boolean caseInsensitive) {
        return leaf("term", field, value, caseInsensitive);
    }

    public static ObjectNode exists(String field) {
        ObjectNode q = F.objectNode();
        q.putObject("exists").put("field", field);
        return q;
    }

    /** Lucene wildcard syntax: {@code *}, {@code ?} and {@code \} are escaped with a backslash. */
    public static String escapeWildcard(String literal) {
        StringBuilder sb = new StringBuilder(literal.length() + 4);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '*' || c == '?' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
