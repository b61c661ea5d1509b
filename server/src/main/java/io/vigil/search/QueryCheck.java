package io.vigil.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Checks the Lucene part of a search before it reaches OpenSearch, with Lucene's own classic parser (the
 * one OpenSearch's {@code query_string} extends): a syntax error comes back with its column and the
 * token that broke it, and terms that make every index read every term it holds (a leading wildcard,
 * a regular expression) are warned about when the range is long.
 */
public final class QueryCheck {

    /** Beyond this a leading wildcard is slow enough to say so. */
    static final Duration EXPENSIVE_AFTER = Duration.ofHours(24);

    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

    /** The query as it will be sent, and what the user should know about its cost. */
    public record Checked(String lucene, List<String> warnings) {
    }

    private QueryCheck() {
    }

    /** The checked query; {@code offset} is where the query starts in the search bar's text. */
    public static Checked check(String query, int offset, Duration range) {
        if (query.isBlank() || query.equals("*")) {
            return new Checked("*", List.of());
        }
        if (query.length() > SafeQueryParser.MAX_LENGTH) {
            throw new SearchProblem("query: " + query.length() + " characters is too long; at most "
                    + SafeQueryParser.MAX_LENGTH, offset + SafeQueryParser.MAX_LENGTH);
        }
        QueryParser parser = new SafeQueryParser("_all", new StandardAnalyzer());
        Query parsed;
        try {
            parsed = parser.parse(query);
        } catch (ParseException e) {
            throw problem(query, offset, e);
        } catch (RuntimeException e) {
            // whatever else Lucene's parser refuses (a malformed range, too many clauses)
            throw new SearchProblem("query: " + e.getMessage(), offset);
        } catch (StackOverflowError e) {
            throw new SearchProblem("query: brackets nested too deeply", offset);
        }
        List<String> expensive = new ArrayList<>();
        collectExpensive(parsed, expensive);
        List<String> warnings = new ArrayList<>();
        if (!expensive.isEmpty() && range.compareTo(EXPENSIVE_AFTER) > 0) {
            warnings.add("This may be slow: " + String.join(", ", expensive) + " over " + days(range)
                    + " makes OpenSearch read every term of the field. Narrow the time range, or anchor the"
                    + " pattern at its start (abc* instead of *abc).");
        }
        return new Checked(query, List.copyOf(warnings));
    }

    private static void collectExpensive(Query query, List<String> found) {
        switch (query) {
            case BooleanQuery bool -> {
                for (BooleanClause clause : bool.clauses()) {
                    collectExpensive(clause.query(), found);
                }
            }
            case BoostQuery boost -> collectExpensive(boost.getQuery(), found);
            case SafeQueryParser.Pattern pattern when pattern.regex -> found.add("the regular expression on "
                    + field(pattern.term.field()));
            case SafeQueryParser.Pattern pattern -> {
                String text = pattern.term.text();
                if (text.startsWith("*") || text.startsWith("?")) {
                    found.add("the leading wildcard in " + describe(pattern.term.field(), text));
                }
            }
            default -> {
            }
        }
    }

    private static String describe(String field, String text) {
        return field.equals("_all") ? text : field + ":" + text;
    }

    private static String field(String field) {
        return field.equals("_all") ? "every field" : field;
    }

    private static String days(Duration range) {
        long hours = range.toHours();
        return hours >= 48 ? hours / 24 + " days" : hours + " hours";
    }

    /** What Lucene found wrong, said plainly, and the column as an offset in the bar. */
    private static SearchProblem problem(String query, int offset, ParseException e) {
        String message = e.getMessage();
        // the parser rethrows its own exception wrapped, with the tokens only on the cause
        ParseException located = e.getCause() instanceof ParseException cause ? cause : e;
        // Lucene's columns are offsets from 0 (its message prints them as they are)
        int at = -1;
        String what;
        if (located.currentToken != null && located.currentToken.next != null) {
            var next = located.currentToken.next;
            boolean end = next.kind == 0;
            at = end ? query.length() : next.beginColumn;
            what = end
                    ? "the query ends too early (an operator, field or bracket needs something after it)"
                    : "unexpected '" + next.image + "' at column " + (at + 1);
        } else {
            Matcher m = COLUMN.matcher(message);
            if (m.find()) {
                at = Integer.parseInt(m.group(1));
            }
            what = message.contains("Encountered: <EOF>")
                    ? "a quoted phrase or an escape is not closed before the end of the query"
                    : "unexpected character at column " + (at + 1);
        }
        int position = at >= 0 ? offset + at : offset;
        return new SearchProblem("query syntax: " + what, position);
    }
}
