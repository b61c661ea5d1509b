package io.vigil.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser of Sigma conditions: {@code or} binds loosest, then {@code and}, then
 * {@code not}; parentheses; {@code 1 of}/{@code all of} a name, a wildcard pattern or {@code them}.
 * Names are checked against the detection's searches so a typo is refused, not silently false.
 */
final class ConditionParser {

    private static final int MAX_DEPTH = 64;

    private final List<String> tokens;
    private final Set<String> searches;
    private final String path;
    private int pos;
    private int depth;

    private ConditionParser(List<String> tokens, Set<String> searches, String path) {
        this.tokens = tokens;
        this.searches = searches;
        this.path = path;
    }

    static Condition parse(String text, Set<String> searches, String path) {
        if (text.contains("|")) {
            throw new SigmaException(path, "condition:aggregation",
                    "aggregation expressions ('|' in the condition) are deprecated; use a correlation rule");
        }
        var parser = new ConditionParser(tokenize(text, path), searches, path);
        Condition c = parser.or();
        if (parser.pos != parser.tokens.size()) {
            throw parser.error("unexpected '" + parser.tokens.get(parser.pos) + "'");
        }
        return c;
    }

    private static List<String> tokenize(String text, String path) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                        && "()".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        if (tokens.isEmpty()) {
            throw new SigmaException(path, "condition:empty", "empty condition");
        }
        return tokens;
    }

    private Condition or() {
        List<Condition> parts = new ArrayList<>(List.of(and()));
        while (accept("or")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>(List.of(not()));
        while (accept("and")) {
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }

    private Condition not() {
        if (accept("not")) {
            return new Condition.Not(enter(this::not));
        }
        return primary();
    }

    private Condition primary() {
        String token = next();
        if (token.equals("(")) {
            Condition inner = enter(this::or);
            if (!accept(")")) {
                throw error("missing ')'");
            }
            return inner;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if ((lower.equals("1") || lower.equals("all") || lower.equals("any")) && accept("of")) {
            return of(!lower.equals("1") && !lower.equals("any"), next());
        }
        if (Set.of(")", "and", "or", "not", "of").contains(lower)) {
            throw error("unexpected '" + token + "'");
        }
        if (!searches.contains(token)) {
            throw new SigmaException(path, "condition:unknown-search",
                    "condition names '" + token + "', which is not a search of the detection");
        }
        return new Condition.Ref(token);
    }

    private Condition of(boolean all, String target) {
        List<String> names = new ArrayList<>();
        boolean them = target.equals("them");
        Glob pattern = Glob.parse(target);
        for (String name : searches) {
            if (them ? !name.startsWith("_") : pattern.toRegexMatches(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new SigmaException(path, "condition:unknown-search",
                    "'" + target + "' matches no search of the detection");
        }
        names.sort(null);
        return new Condition.Of(all, target, names);
    }

    private Condition enter(java.util.function.Supplier<Condition> rule) {
        if (++depth > MAX_DEPTH) {
            throw new SigmaException(path, "condition:too-deep", "condition nested deeper than " + MAX_DEPTH);
        }
        Condition c = rule.get();
        depth--;
        return c;
    }

    private boolean accept(String word) {
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw error("unexpected end");
        }
        return tokens.get(pos++);
    }

    private SigmaException error(String message) {
        return new SigmaException(path, "condition:syntax", message + " in condition");
    }
}
