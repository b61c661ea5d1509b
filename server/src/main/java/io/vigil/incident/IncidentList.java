package io.vigil.incident;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The incident list's filters as the page shows them, and the links that change one of them. */
public record IncidentList(String view, String state, String severity, String type, String sort, String dir,
        int offset) {

    public List<String> views() {
        return IncidentFilter.VIEWS;
    }

    public List<String> states() {
        return IncidentFilter.STATES;
    }

    public List<String> severities() {
        return Severity.IDS;
    }

    /** Why these filters cannot be shown, or null. */
    String problem() {
        if (!IncidentFilter.VIEWS.contains(view)) {
            return "view: one of " + String.join(", ", IncidentFilter.VIEWS);
        }
        if (!IncidentFilter.STATES.contains(state)) {
            return "state: one of " + String.join(", ", IncidentFilter.STATES);
        }
        if (!severity.isEmpty() && Severity.of(severity).isEmpty()) {
            return "severity: one of " + String.join(", ", Severity.IDS);
        }
        return IncidentFilter.Order.of(sort).isEmpty()
                ? "sort: one of updated, created, id, title, state, severity, assignee"
                : null;
    }

    IncidentFilter filter() {
        return new IncidentFilter(view, state, severity, type, IncidentFilter.Order.of(sort).orElseThrow(),
                "asc".equals(dir));
    }

    public String viewUrl(String other) {
        return new IncidentList(other, state, severity, type, sort, dir, 0).url();
    }

    /** A header's link: sorts by the column, the other way when it already does. */
    public String sortUrl(String column) {
        String direction = sort.equals(column) && !dir.equals("asc") ? "asc" : "desc";
        return new IncidentList(view, state, severity, type, column, direction, 0).url();
    }

    public String ariaSort(String column) {
        return sort.equals(column) ? dir.equals("asc") ? "ascending" : "descending" : null;
    }

    public String nextUrl(long total) {
        return offset + IncidentPages.PAGE_SIZE < total
                ? new IncidentList(view, state, severity, type, sort, dir, offset + IncidentPages.PAGE_SIZE).url()
                : null;
    }

    public String previousUrl() {
        return offset > 0
                ? new IncidentList(view, state, severity, type, sort, dir,
                        Math.max(0, offset - IncidentPages.PAGE_SIZE)).url()
                : null;
    }

    public String url() {
        Map<String, String> parameters = new TreeMap<>(Map.of("view", view, "state", state, "severity", severity,
                "type", type, "sort", sort, "dir", dir));
        StringBuilder url = new StringBuilder("/incidents?");
        parameters.forEach((key, value) -> {
            if (!value.isEmpty()) {
                url.append(url.charAt(url.length() - 1) == '?' ? "" : "&").append(key).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        if (offset > 0) {
            url.append("&offset=").append(offset);
        }
        return url.toString();
    }
}
