package io.vigil.detect.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The queue page's filters as its form and links carry them, with a page of alerts, its total and counts
 * per level. {@code dir} is "asc" or "" (newest, most severe first).
 */
public record AlertQueue(String level, String state, String rule, String assignee, String source, String from,
        String sort, String dir, int offset) {

    static final int PAGE_SIZE = 100;

    /** The states the queue offers; "open" is new, acknowledged and escalated together, "all" any state. */
    static final List<String> STATES = List.of("open", "new", "acknowledged", "escalated", "closed", "all");

    /** The queue's first page with these filters, as a link. */
    public String url() {
        return url(level, offset(0));
    }

    /** The same filters at another level ("" for all). */
    public String levelUrl(String other) {
        return url(other, offset(0));
    }

    private AlertQueue offset(int at) {
        return new AlertQueue(level, state, rule, assignee, source, from, sort, dir, at);
    }

    private String url(String lvl, AlertQueue q) {
        StringBuilder url = new StringBuilder("/alerts?state=").append(enc(q.state));
        Map.of("level", lvl, "rule", q.rule, "assignee", q.assignee, "source", q.source, "from", q.from, "sort",
                q.sort, "dir", q.dir).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !e.getValue().isEmpty())
                .forEach(e -> url.append('&').append(e.getKey()).append('=').append(enc(e.getValue())));
        if (q.offset > 0) {
            url.append("&offset=").append(q.offset);
        }
        return url.toString();
    }

    public String nextUrl(long total) {
        return offset + PAGE_SIZE < total ? url(level, offset(offset + PAGE_SIZE)) : null;
    }

    public String previousUrl() {
        return offset > 0 ? url(level, offset(Math.max(0, offset - PAGE_SIZE))) : null;
    }

    /** A header's link: sorts by the column, the other way when it already does. */
    public String sortUrl(String column) {
        String direction = sort.equals(column) && !dir.equals("asc") ? "asc" : "";
        return new AlertQueue(level, state, rule, assignee, source, from, column, direction, 0).url();
    }

    public String ariaSort(String column) {
        return (sort.isEmpty() ? "last" : sort).equals(column) ? dir.equals("asc") ? "ascending" : "descending" : null;
    }

    AlertFilter.Order order() {
        return Arrays.stream(AlertFilter.Order.values()).filter(o -> o.name().equalsIgnoreCase(sort)).findFirst()
                .orElse(AlertFilter.Order.LAST);
    }

    static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
