package io.vigil.search;

import java.util.List;

/** What the search page shows of a search that ran. */
public record PageResults(List<ResultRow> rows, long total, String histogram, String interval, String more,
        List<FieldSummary> fields, List<String> warnings, EventSearchService.Outside outside, String allTimeUrl) {

    public String beforeText() {
        return String.format(java.util.Locale.ROOT, "%,d", outside == null ? 0 : outside.before());
    }

    public String afterText() {
        return String.format(java.util.Locale.ROOT, "%,d", outside == null ? 0 : outside.after());
    }

    public String totalText() {
        return String.format(java.util.Locale.ROOT, "%,d", total);
    }
}
