package io.vigil.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * A Sigma rule drafted from a search, for the rule editor: required field values become the selection,
 * excluded ones a filter, field-less words keywords. What has no Sigma equivalent (ranges, regexes,
 * alternatives inside groups) is listed in a comment for the engineer to finish; the editor's live check
 * says what still does not compile.
 */
public final class SigmaDraft {

    private static final String FREE_TEXT = "_all";

    private SigmaDraft() {
    }

    public static String of(String name, String search) {
        SearchText text = SearchText.parse(search);
        Map<String, List<String>> selection = new LinkedHashMap<>();
        Map<String, List<String>> filter = new LinkedHashMap<>();
        List<String> keywords = new ArrayList<>();
        List<String> left = new ArrayList<>();
        if (!text.matchesAll()) {
            QueryParser parser = new QueryParser(FREE_TEXT, new WholeValueAnalyzer());
            parser.setAllowLeadingWildcard(true);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            try {
                collect(parser.parse(text.query()), false, selection, filter, keywords, left);
            } catch (ParseException e) {
                left.add(text.query());
            }
        }
        return yaml(name, selection, filter, keywords, left, logsource(selection.keySet()));
    }

    private static void collect(Query query, boolean negated, Map<String, List<String>> selection,
            Map<String, List<String>> filter, List<String> keywords, List<String> left) {
        switch (query) {
            case BooleanQuery bool when bool.clauses().stream()
                    .noneMatch(c -> c.occur() == BooleanClause.Occur.SHOULD) -> {
                for (BooleanClause clause : bool.clauses()) {
                    collect(clause.query(), negated ^ clause.occur() == BooleanClause.Occur.MUST_NOT, selection, filter,
                            keywords, left);
                }
            }
            case TermQuery term -> value(term.getTerm().field(), term.getTerm().text(), negated, selection, filter,
                    keywords, left, query);
            case PrefixQuery prefix -> value(prefix.getPrefix().field(), prefix.getPrefix().text() + "*", negated,
                    selection, filter, keywords, left, query);
            case WildcardQuery wildcard -> value(wildcard.getTerm().field(), wildcard.getTerm().text(), negated,
                    selection, filter, keywords, left, query);
            default -> left.add((negated ? "NOT " : "") + query.toString(FREE_TEXT));
        }
    }

    private static void value(String field, String value, boolean negated, Map<String, List<String>> selection,
            Map<String, List<String>> filter, List<String> keywords, List<String> left, Query query) {
        if (field.equals(FREE_TEXT)) {
            if (negated) {
                left.add("NOT " + query.toString(FREE_TEXT));
            } else {
                keywords.add(value);
            }
            return;
        }
        (negated ? filter : selection).computeIfAbsent(field, f -> new ArrayList<>()).add(value);
    }

    /** CloudTrail's own field names tell the logsource; otherwise the engineer names it. */
    private static String logsource(java.util.Set<String> fields) {
        boolean cloudTrail = fields.stream().anyMatch(f -> f.equals("eventName") || f.equals("eventSource")
                || f.startsWith("userIdentity.") || f.startsWith("requestParameters."));
        return cloudTrail
                ? "    product: aws\n    service: cloudtrail\n"
                : "    product: ''  # e.g. aws, linux, windows\n    service: ''\n";
    }

    private static String yaml(String name, Map<String, List<String>> selection, Map<String, List<String>> filter,
            List<String> keywords, List<String> left, String logsource) {
        StringBuilder y = new StringBuilder();
        y.append("title: ").append(quoted(name.isBlank() ? "Drafted from a search" : name)).append('\n');
        y.append("id: ").append(UUID.randomUUID()).append('\n');
        y.append("status: experimental\ndescription: ''\nauthor: ''\n");
        y.append("date: ").append(LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/')).append('\n');
        y.append("logsource:\n").append(logsource).append("detection:\n");
        List<String> condition = new ArrayList<>();
        if (!selection.isEmpty()) {
            y.append("    selection:\n");
            fields(y, selection, "|all");
            condition.add("selection");
        }
        if (!keywords.isEmpty()) {
            y.append("    keywords:\n");
            keywords.forEach(k -> y.append("        - ").append(quoted(k)).append('\n'));
            condition.add("keywords");
        }
        if (!filter.isEmpty()) {
            y.append("    filter:\n");
            fields(y, filter, "");
        }
        String cond = condition.isEmpty() ? "selection" : String.join(" and ", condition);
        y.append("    condition: ").append(cond).append(filter.isEmpty() ? "" : " and not filter").append('\n');
        for (String part : left) {
            y.append("    # not converted, finish by hand: ").append(part.replace('\n', ' ')).append('\n');
        }
        y.append("level: medium\n");
        return y.toString();
    }

    /**
     * A field with several values: in the selection every one was required ({@code |all}); in the filter
     * any one excludes the event (a plain list).
     */
    private static void fields(StringBuilder y, Map<String, List<String>> fields, String several) {
        for (var field : fields.entrySet()) {
            y.append("        ").append(field.getKey()).append(field.getValue().size() > 1 ? several : "").append(':');
            if (field.getValue().size() == 1) {
                y.append(' ').append(quoted(field.getValue().get(0))).append('\n');
            } else {
                y.append('\n');
                field.getValue().forEach(v -> y.append("            - ").append(quoted(v)).append('\n'));
            }
        }
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
