package io.vigil.incident;

import java.util.ArrayList;
import java.util.List;

/**
 * What the incident list shows: a view ({@code mine}, {@code unassigned}, {@code breaching} or all), a state
 * ({@code open} for every state but resolved and closed, a state's id, or {@code all}), severity and type, and
 * the order.
 */
public record IncidentFilter(String view, String state, String severity, String type, Order order,
        boolean ascending) {

    public static final List<String> VIEWS = List.of("all", "mine", "unassigned", "breaching");
    public static final List<String> STATES = List.of("open", "new", "acknowledged", "investigating", "contained",
            "resolved", "closed", "all");

    /** Sort keys and their SQL (column names are fixed here, never taken from a request). */
    public enum Order {

        UPDATED("i.updated"),
        CREATED("i.created"),
        ID("i.id"),
        TITLE("lower(i.title)"),
        STATE(
                "array_position(array['new','acknowledged','investigating','contained','resolved','closed'], i.state)"),
        SEVERITY("array_position(array['low','medium','high','critical'], i.severity)"),
        ASSIGNEE("i.assignee");

        final String sql;

        Order(String sql) {
            this.sql = sql;
        }

        public static java.util.Optional<Order> of(String name) {
            return java.util.Arrays.stream(values()).filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    /** An incident counts as breaching from the time a quarter of an open target is left (as {@link Sla}). */
    static final String BREACHING = """
            (i.state not in ('resolved', 'closed') and exists (select 1 from incident_sla s where s.severity = i.severity
             and ((i.acknowledged is null and s.acknowledge_minutes > 0
                   and now() >= i.created + s.acknowledge_minutes * interval '45 seconds')
               or (s.resolve_minutes > 0 and now() >= i.created + s.resolve_minutes * interval '45 seconds'))))""";

    /** The where clause, with numbered parameters added to {@code parameters}. */
    String where(String username, List<Object> parameters) {
        List<String> clauses = new ArrayList<>();
        switch (view == null ? "all" : view) {
            case "mine" -> clauses.add(param(parameters, "i.assignee = ?", username));
            case "unassigned" -> clauses.add("i.assignee is null");
            case "breaching" -> clauses.add(BREACHING);
            default -> {
            }
        }
        if (state == null || state.isBlank() || state.equals("open")) {
            clauses.add("i.state not in ('resolved', 'closed')");
        } else if (!state.equals("all")) {
            clauses.add(param(parameters, "i.state = ?", state));
        }
        if (severity != null && !severity.isBlank()) {
            clauses.add(param(parameters, "i.severity = ?", severity));
        }
        if (type != null && !type.isBlank()) {
            clauses.add(param(parameters, "i.type = ?", type));
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static String param(List<Object> parameters, String sql, Object value) {
        parameters.add(value);
        return sql.replace("?", "?" + parameters.size());
    }
}
