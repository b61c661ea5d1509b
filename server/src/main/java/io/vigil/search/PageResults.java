package io.vigil.search;

import java.util.List;

/** What the search page shows of a search that ran. */
public record PageResults(List<ResultRow> rows, long total, String histogram, String interval, String more,
        List<FieldSummary> fields, List<String> warnings) {

    public String totalText() {
        return String.format(java.util.Locale.ROOT, "%,d", total);
    }
}
