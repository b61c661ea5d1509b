package io.vigil.detect.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.detect.sigma.ValueTest;
import io.vigil.index.query.Dsl;
import io.vigil.index.query.FieldKind;

/**
 * Long value lists on one field ({@code CommandLine|contains: [300 strings]}) as a few {@code regexp}
 * alternations instead of one wildcard clause per value: OpenSearch refuses queries with more than 1,024
 * clauses in all. Values are regrouped by operation and case, and each chunk becomes
 * {@code .*(a|b|...).*} (contains), {@code (a|b).*} (starts with) and so on — the same strings, one clause.
 */
final class Alternations {

    /** Below this many values per group, one clause each reads better and costs nothing. */
    static final int THRESHOLD = 16;
    /** Values per regexp: bounds the automaton OpenSearch must determinize. */
    static final int CHUNK = 64;
    /** OpenSearch's default {@code index.max_regex_length} is 1,000 characters; stay below it. */
    static final int MAX_LENGTH = 900;

    private record Key(ValueTest.StringOp op, boolean cased) {
    }

    private Alternations() {
    }

    /** Queries for "some value passes one of the tests" on a field, long string groups merged. */
    static List<ObjectNode> anyOf(String field, FieldKind kind, List<ValueTest> tests) {
        if (kind != FieldKind.KEYWORD && kind != FieldKind.FLAT_OBJECT_LEAF) {
            return tests.stream().map(t -> ValueQueries.of(field, kind, t)).toList();
        }
        Map<Key, List<String>> groups = new LinkedHashMap<>();
        List<ValueTest> rest = new ArrayList<>();
        for (ValueTest t : tests) {
            switch (t) {
                case ValueTest.StringMatch s -> groups.computeIfAbsent(new Key(s.op(), s.cased()),
                        k -> new ArrayList<>()).add(s.text());
                case ValueTest.EqualsAny e -> groups.computeIfAbsent(new Key(ValueTest.StringOp.EQUALS, e.cased()),
                        k -> new ArrayList<>()).addAll(e.values().stream().sorted().toList());
                default -> rest.add(t);
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        groups.forEach((key, values) -> {
            if (values.size() < THRESHOLD) {
                values.forEach(v -> rest.add(new ValueTest.StringMatch(key.op(), v, key.cased())));
                return;
            }
            List<String> chunk = new ArrayList<>();
            int length = 0;
            for (String v : values) {
                String quoted = quote(v, !key.cased());
                if (!chunk.isEmpty() && (chunk.size() == CHUNK || length + quoted.length() + 8 > MAX_LENGTH)) {
                    out.add(regexp(field, key, chunk));
                    chunk = new ArrayList<>();
                    length = 0;
                }
                chunk.add(quoted);
                length += quoted.length() + 1;
            }
            out.add(regexp(field, key, chunk));
        });
        rest.forEach(t -> out.add(ValueQueries.of(field, kind, t)));
        return out;
    }

    /** @param quoted values already quoted for Lucene */
    private static ObjectNode regexp(String field, Key key, List<String> quoted) {
        StringBuilder alternation = new StringBuilder("(");
        for (int i = 0; i < quoted.size(); i++) {
            alternation.append(i > 0 ? "|" : "").append(quoted.get(i));
        }
        alternation.append(')');
        String pattern = switch (key.op()) {
            case EQUALS -> alternation.toString();
            case STARTS_WITH -> alternation + ".*";
            case ENDS_WITH -> ".*" + alternation;
            case CONTAINS -> ".*" + alternation + ".*";
        };
        ObjectNode q = Dsl.leaf("regexp", field, pattern, !key.cased());
        ObjectNode body = (ObjectNode) q.get("regexp").get(field);
        body.put("flags", "NONE");
        body.put("max_determinized_states", 100_000);
        return q;
    }

    /**
     * A literal for a Lucene regexp. Its {@code case_insensitive} folds ASCII only, while the matcher
     * folds every letter ({@code regionMatches}), so other letters get an explicit {@code [xX]} class.
     */
    static String quote(String text, boolean caseInsensitive) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (caseInsensitive && cp > 0x7f && Character.isLetter(cp)) {
                int lower = Character.toLowerCase(cp);
                int upper = Character.toUpperCase(cp);
                int title = Character.toTitleCase(cp);
                StringBuilder cls = new StringBuilder("[").appendCodePoint(cp);
                for (int v : new int[]{lower, upper, title}) {
                    if (cls.indexOf(new String(Character.toChars(v))) < 0) {
                        cls.appendCodePoint(v);
                    }
                }
                sb.append(cls.append(']'));
            } else {
                sb.append(LuceneRegex.literal(cp));
            }
        });
        return sb.toString();
    }
}
