package io.vigil.search;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.vigil.event.Ecs;
import io.vigil.search.SearchResults.Hit;

/**
 * The results of a page as the console shows them: rows of the chosen columns, and the field sidebar —
 * the fields present in these events, each with how many of them hold it and its commonest values.
 */
public final class ResultsTable {

    public static final List<String> DEFAULT_COLUMNS = List.of("vigil.source", "event.action", "user.name",
            "source.ip", "host.name", "message");
    static final int MAX_COLUMNS = 12;
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

    /** The fields of these events by name (columns first), with how many of them hold each. */
    public static List<FieldSummary> fields(List<Hit> hits, SearchForm form) {
        Map<String, Integer> present = new TreeMap<>();
        for (Hit hit : hits) {
            FlatFields.names(hit.document(), name -> present.merge(name, 1, Integer::sum));
        }
        present.remove(Ecs.EVENT_ORIGINAL); // the record as it came: the event panel shows it apart
        SearchForm.Links links = form.links();
        List<FieldSummary> fields = new ArrayList<>(present.size());
        for (var field : present.entrySet()) {
            String name = field.getKey();
            fields.add(new FieldSummary(name, field.getValue(), hits.size(), form.columns().contains(name),
                    links.toggleColumn(name)));
        }
        fields.sort(Comparator.comparing((FieldSummary f) -> !f.column()));
        return fields;
    }

    /** Every field of one event, in document order, for the event panel. */
    public static Map<String, String> allFields(Hit hit) {
        Map<String, String> fields = new LinkedHashMap<>(FlatFields.flatten(hit.document()));
        fields.remove(Ecs.EVENT_ORIGINAL);
        return fields;
    }
}
