package io.vigil.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A Sigma rule drafted from a search, for the rule editor. Only a top-level AND of plain clauses is
 * converted: required field values become the selection, each excluded value its own filter (so any one
 * of them excludes the event), field-less words keywords that must all appear. Everything else (OR,
 * nested NOT, ranges, regexes) is listed in a comment for the engineer to finish; the editor's live check
 * says what still does not compile.
 */
public final class SigmaDraft {

    private static final String FREE_TEXT = "_all";

    /** What a search converts into. */
    private record Parts(Map<String, List<String>> selection, List<Map.Entry<String, String>> filters,
            List<String> keywords, List<String> left) {

        Parts() {
            this(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private SigmaDraft() {
    }

    public static String of(String name, String search) {
        SearchText text = SearchText.parse(search);
        Parts parts = new Parts();
        if (!text.matchesAll()) {
            QueryParser parser = new SafeQueryParser(FREE_TEXT, new WholeValueAnalyzer());
            parser.setDefaultOperator(QueryParser.Operator.AND);
            try {
                Query query = parser.parse(text.query());
                if (query instanceof BooleanQuery bool
                        && bool.clauses().stream().noneMatch(c -> c.occur() == Occur.SHOULD)) {
                    bool.clauses().forEach(c -> clause(c.query(), c.occur() == Occur.MUST_NOT, parts));
                } else {
                    clause(query, false, parts);
                }
            } catch (ParseException | RuntimeException e) {
                parts.left().add(text.query());
            }
        }
        return yaml(name, parts, logsource(parts.selection().keySet()));
    }

    private static void clause(Query query, boolean negated, Parts parts) {
        String value = switch (query) {
            case TermQuery term -> escaped(term.getTerm().text());
            case PrefixQuery prefix -> escaped(prefix.getPrefix().text()) + "*";
            case SafeQueryParser.Pattern pattern when !pattern.regex -> pattern.term.text();
            default -> null;
        };
        String field = switch (query) {
            case TermQuery term -> term.getTerm().field();
            case PrefixQuery prefix -> prefix.getPrefix().field();
            case SafeQueryParser.Pattern pattern -> pattern.term.field();
            default -> null;
        };
        if (value == null || field.equals(FREE_TEXT) && negated) {
            parts.left().add((negated ? "NOT " : "") + query.toString(FREE_TEXT));
        } else if (field.equals(FREE_TEXT)) {
            parts.keywords().add(value);
        } else if (negated) {
            parts.filters().add(Map.entry(field, value));
        } else {
            parts.selection().computeIfAbsent(field, f -> new ArrayList<>()).add(value);
        }
    }

    /** A value typed literally: Sigma's wildcard characters in it are escaped. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    /** CloudTrail's own field names tell the logsource; otherwise the engineer names it. */
    private static String logsource(Set<String> fields) {
        boolean cloudTrail = fields.stream().anyMatch(f -> f.equals("eventName") || f.equals("eventSource")
                || f.startsWith("userIdentity.") || f.startsWith("requestParameters."));
        return cloudTrail
                ? "    product: aws\n    service: cloudtrail\n"
                : "    product: ''  # e.g. aws, linux, windows\n    service: ''\n";
    }

    private static String yaml(String name, Parts parts, String logsource) {
        StringBuilder y = new StringBuilder();
        y.append("title: ").append(quoted(name.isBlank() ? "Drafted from a search" : name)).append('\n');
        y.append("id: ").append(UUID.randomUUID()).append('\n');
        y.append("status: experimental\ndescription: ''\nauthor: ''\n");
        y.append("date: ").append(LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/')).append('\n');
        y.append("logsource:\n").append(logsource).append("detection:\n");
        List<String> condition = new ArrayList<>();
        if (!parts.selection().isEmpty()) {
            y.append("    selection:\n");
            for (var field : parts.selection().entrySet()) {
                // every value was required: several of one field need |all
                values(y, field.getKey() + (field.getValue().size() > 1 ? "|all" : ""), field.getValue());
            }
            condition.add("selection");
        }
        if (!parts.keywords().isEmpty()) {
            y.append("    keywords:\n");
            values(y, "'|all'", parts.keywords());
            condition.add("keywords");
        }
        for (int i = 0; i < parts.filters().size(); i++) {
            y.append("    filter_").append(i + 1).append(":\n");
            values(y, parts.filters().get(i).getKey(), List.of(parts.filters().get(i).getValue()));
        }
        String cond = condition.isEmpty() ? "selection" : String.join(" and ", condition);
        y.append("    condition: ").append(cond).append(parts.filters().isEmpty() ? "" : " and not 1 of filter_*")
                .append('\n');
        for (String part : parts.left()) {
            y.append("    # not converted, finish by hand: ").append(part.replace('\n', ' ')).append('\n');
        }
        y.append("level: medium\n");
        return y.toString();
    }

    private static void values(StringBuilder y, String key, List<String> values) {
        y.append("        ").append(key).append(':');
        if (values.size() == 1) {
            y.append(' ').append(quoted(values.get(0))).append('\n');
        } else {
            y.append('\n');
            values.forEach(v -> y.append("            - ").append(quoted(v)).append('\n'));
        }
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
