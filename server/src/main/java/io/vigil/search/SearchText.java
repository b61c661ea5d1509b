package io.vigil.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The search bar's text split into its Lucene query and the pipes after it:
 * {@code eventName:ConsoleLogin | stats count() by user.name}. A pipe is a single {@code |} outside
 * quotes and regular expressions ({@code /adm|root/}); Lucene's own {@code ||} is OR. Each part keeps
 * its offset in the whole text, so problems point at the right column.
 */
public record SearchText(String query, List<Part> pipes, int queryOffset, String rule) {

    /**
     * {@code vigil.rule:"<id>"} first in the query: the events the saved rule matches (see {@link RuleFilters}),
     * and the rest of the query on top.
     */
    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile(
            "vigil\\.rule:(?:\"([^\"\\\\]+)\"|([A-Za-z0-9][A-Za-z0-9._-]*))(?:\\s+AND(?=\\s)|\\s*$)?\\s*");

    /** A piece of the text with the offset of its first character. */
    public record Part(String text, int offset) {
    }

    public static SearchText parse(String text) {
        String whole = text == null ? "" : text;
        List<Part> parts = new ArrayList<>();
        int start = 0;
        char quote = 0;
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '/' && regexStarts(whole, i)) {
                quote = c;
            } else if (c == '|') {
                boolean doubled = i + 1 < whole.length() && whole.charAt(i + 1) == '|';
                if (doubled) {
                    i++;
                    continue;
                }
                parts.add(new Part(whole.substring(start, i), start));
                start = i + 1;
            }
        }
        parts.add(new Part(whole.substring(start), start));
        String first = parts.get(0).text();
        int leading = first.length() - first.stripLeading().length();
        String rule = null;
        var clause = RULE.matcher(first).region(leading, first.length());
        if (clause.lookingAt()) {
            rule = clause.group(1) != null ? clause.group(1) : clause.group(2);
            leading = clause.end();
        }
        return new SearchText(first.substring(leading).strip(), List.copyOf(parts.subList(1, parts.size())), leading,
                rule);
    }

    /** A slash opens a Lucene regular expression where a term could start (after ':', a space, '(' or at 0). */
    private static boolean regexStarts(String text, int at) {
        if (at == 0) {
            return true;
        }
        char before = text.charAt(at - 1);
        return before == ':' || before == '(' || Character.isWhitespace(before);
    }

    public boolean matchesAll() {
        return query.isEmpty() || query.equals("*");
    }
}
