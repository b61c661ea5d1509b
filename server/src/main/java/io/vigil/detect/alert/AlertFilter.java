package io.vigil.detect.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which alerts a list shows: last event from/to, rule, state, level, assignee ({@code -} for none),
 * source; and in which order. Blank means any.
 */
public record AlertFilter(Instant from, Instant to, String rule, String state, String level, String assignee,
        String source, Order order, boolean ascending) {

    /** What a list sorts by. */
    public enum Order {

        LAST("last_event"),
        FIRST("first_event"),
        LEVEL("""
                case rule_level when 'critical' then 5 when 'high' then 4 when 'medium' then 3 when 'low' then 2
                else 1 end"""),
        COUNT("fired"),
        RULE("rule_title"),
        STATE("state");

        final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    public static AlertFilter newest() {
        return new AlertFilter(null, null, null, null, null, null, null, Order.LAST, false);
    }

    /** The where clause (numbered parameters into {@code parameters}) for a reader with this scope. */
    String where(Optional<Set<String>> scope, List<Object> parameters) {
        List<String> clauses = new ArrayList<>();
        clause(clauses, parameters, "last_event >= ?", from);
        clause(clauses, parameters, "last_event < ?", to);
        clause(clauses, parameters, "rule_id = ?", rule);
        if ("open".equals(state)) {
            clauses.add("state <> 'closed'");
        } else {
            clause(clauses, parameters, "state = ?", state);
        }
        clause(clauses, parameters, "rule_level = ?", level);
        if ("-".equals(assignee)) {
            clauses.add("assignee is null");
        } else {
            clause(clauses, parameters, "assignee = ?", assignee);
        }
        clause(clauses, parameters, "? = any(sources)", source);
        // an alert is visible when every source behind it is in the reader's scope (DESIGN.md §3)
        scope.ifPresent(sources -> {
            if (sources.isEmpty()) {
                clauses.add("false");
                return;
            }
            List<String> marks = new ArrayList<>();
            for (String s : sources.stream().sorted().toList()) {
                parameters.add(s);
                marks.add("cast(?" + parameters.size() + " as text)");
            }
            clauses.add("sources <@ array[" + String.join(", ", marks) + "]");
        });
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static void clause(List<String> clauses, List<Object> parameters, String sql, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            parameters.add(value);
            clauses.add(sql.replace("?", "?" + parameters.size()));
        }
    }
}
