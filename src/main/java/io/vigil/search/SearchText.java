package io.vigil.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The search bar's text split into its Lucene query and the pipes after it:
 * {@code eventName:ConsoleLogin | stats count() by user.name}. A pipe is a single {@code |} outside
 * quotes (Lucene's own {@code ||} is OR); each part keeps its offset in the whole text, so problems
 * point at the right column.
 */
public record SearchText(String query, List<Part> pipes) {

    /** A piece of the text with the offset of its first character. */
    public record Part(String text, int offset) {
    }

    public static SearchText parse(String text) {
        String whole = text == null ? "" : text;
        List<Part> parts = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '|' && !quoted) {
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
        return new SearchText(parts.get(0).text().strip(), List.copyOf(parts.subList(1, parts.size())));
    }

    public boolean matchesAll() {
        return query.isEmpty() || query.equals("*");
    }
}
