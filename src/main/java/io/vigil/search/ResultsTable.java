package io.vigil.search;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.vigil.search.SearchResults.Hit;

/**
 * The results of a page as the console shows them: rows of the chosen columns, and the field sidebar —
 * the fields present in these events, each with how many of them hold it and its commonest values.
 */
public final class ResultsTable {

    public static final List<String> DEFAULT_COLUMNS = List.of("vigil.source", "event.action", "user.name",
            "source.ip", "host.name", "message");
    static final int MAX_COLUMNS = 12;
    /** Values per field in the sidebar. */
    private static final int TOP = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private ResultsTable() {
    }

    /** The columns of a {@code cols} parameter (comma separated), or the defaults. */
    public static List<String> columns(String cols) {
        if (cols == null || cols.isBlank()) {
            return DEFAULT_COLUMNS;
        }
        return Arrays.stream(cols.split(",")).map(String::strip).filter(c -> !c.isEmpty() && !c.equals("@timestamp"))
                .distinct().limit(MAX_COLUMNS).toList();
    }

    public static List<ResultRow> rows(List<Hit> hits, List<String> columns) {
        List<ResultRow> rows = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            List<String> cells = columns.stream().map(c -> FlatFields.value(hit.document(), c)).toList();
            rows.add(new ResultRow(hit.index(), hit.id(), TIME.format(hit.time()), hit.time().toString(), cells));
        }
        return rows;
    }

    /** The fields of these events by name, with their three commonest values among them. */
    public static List<FieldSummary> fields(List<Hit> hits, SearchForm form) {
        Map<String, Map<String, Integer>> values = new TreeMap<>();
        for (Hit hit : hits) {
            for (var field : FlatFields.flatten(hit.document()).entrySet()) {
                values.computeIfAbsent(field.getKey(), k -> new HashMap<>()).merge(field.getValue(), 1, Integer::sum);
            }
        }
        values.remove("event.original");
        SearchForm.Links links = form.links();
        List<FieldSummary> fields = new ArrayList<>(values.size());
        for (var field : values.entrySet()) {
            String name = field.getKey();
            int present = 0;
            for (int count : field.getValue().values()) {
                present += count;
            }
            List<FieldSummary.ValueLink> top = new ArrayList<>(TOP);
            for (var value : top(field.getValue())) {
                top.add(new FieldSummary.ValueLink(value.getKey(), value.getValue(), links.refine(name, value.getKey(),
                        false)));
            }
            fields.add(new FieldSummary(name, present, hits.size(), top, form.columns().contains(name),
                    form.toggleColumn(name)));
        }
        fields.sort(Comparator.comparing((FieldSummary f) -> !f.column()));
        return fields;
    }

    /**
     * The {@value #TOP} commonest values, most first and then by value: a pass per place rather than a
     * sort, as most fields of a page (ids, times) have a value per event.
     */
    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> top = new ArrayList<>(TOP + 1);
        for (var entry : counts.entrySet()) {
            int at = top.size();
            while (at > 0 && before(entry, top.get(at - 1))) {
                at--;
            }
            if (at < TOP) {
                top.add(at, entry);
                if (top.size() > TOP) {
                    top.remove(TOP);
                }
            }
        }
        return top;
    }

    private static boolean before(Map.Entry<String, Integer> a, Map.Entry<String, Integer> b) {
        int byCount = Integer.compare(b.getValue(), a.getValue());
        return byCount < 0 || byCount == 0 && a.getKey().compareTo(b.getKey()) < 0;
    }

    /** Every field of one event, in document order, for the event panel. */
    public static Map<String, String> allFields(Hit hit) {
        Map<String, String> fields = new LinkedHashMap<>(FlatFields.flatten(hit.document()));
        fields.remove("event.original");
        return fields;
    }
}
