package io.vigil.search;

/** Lucene query text built from field names and values the user clicked: escaped, never interpreted. */
public final class LuceneText {

    private static final String SPECIAL = "+-=&|><!(){}[]^\"~*?:\\/ ";

    private LuceneText() {
    }

    /** {@code field:"value"}, with the field's special characters and the value's quotes escaped. */
    public static String term(String field, String value) {
        return field(field) + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static String field(String field) {
        StringBuilder escaped = new StringBuilder(field.length() + 4);
        for (char c : field.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** The query with one more required (or, {@code negate}, excluded) term; the pipes stay after it. */
    public static String refine(SearchText search, String term, boolean negate) {
        String clause = negate ? "NOT " + term : term;
        String query = search.matchesAll()
                ? (negate ? "* AND " + clause : clause)
                : "(" + search.query() + ") AND " + clause;
        StringBuilder text = new StringBuilder(query);
        for (SearchText.Part pipe : search.pipes()) {
            text.append(" |").append(pipe.text());
        }
        return text.toString();
    }
}
