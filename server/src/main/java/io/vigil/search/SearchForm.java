package io.vigil.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The search as its URL holds it — text, range and columns — and the links derived from it: filter
 * for or out a value, pivot on it, zoom the range, add or drop a column. Every state of the page is a
 * URL, so any search can be shared or bookmarked.
 */
public record SearchForm(String q, String from, String to, List<String> columns) {

    public static SearchForm of(String q, String from, String to, String cols) {
        return new SearchForm(q == null ? "" : q, blankTo(from, TimeRange.DEFAULT_FROM), blankTo(to, "now"),
                ResultsTable.columns(cols));
    }

    public String cols() {
        return String.join(",", columns);
    }

    /** {@code /search?...} of this form. */
    public String url() {
        return withoutColumns() + columnsParam(columns);
    }

    /** The same search with the value required ({@code negate}: excluded). */
    public String refine(String field, String value, boolean negate) {
        return links().refine(field, value, negate);
    }

    /** Only this value, in the same range: what else happened with this IP, user or key. */
    public String pivot(String field, String value) {
        return links().pivot(field, value);
    }

    /** A maker of this search's links, for pages that hold hundreds of them. */
    public Links links() {
        return new Links(SearchText.parse(q), withoutColumns(), rangeParams(), columns);
    }

    /** Links of one search: its text parsed, and its query, range and columns encoded, once. */
    public static final class Links {

        private final SearchText text;
        private final String search;
        private final String rest;
        private final List<String> columns;

        private Links(SearchText text, String search, String range, List<String> columns) {
            this.text = text;
            this.search = search;
            this.rest = range + columnsParam(columns);
            this.columns = columns;
        }

        public String refine(String field, String value, boolean negate) {
            return "/search?q=" + enc(LuceneText.refine(text, LuceneText.term(field, value), negate)) + rest;
        }

        public String pivot(String field, String value) {
            return "/search?q=" + enc(LuceneText.term(field, value)) + rest;
        }

        /** The same search with the field added as a column, or removed when it is one. */
        public String toggleColumn(String field) {
            List<String> next = new ArrayList<>(columns);
            if (!next.remove(field)) {
                next.add(field);
            }
            return search + columnsParam(next.isEmpty() ? List.of("message") : next);
        }
    }

    public String toggleColumn(String field) {
        return links().toggleColumn(field);
    }

    /** Whether the range is other than a preset up to now: the picker then shows its fields. */
    public boolean customRange() {
        return !to.equals("now") || TimeRange.PRESETS.stream().noneMatch(p -> p.from().equals(from));
    }

    /** Columns plus the time column: the width of a row spanning the table. */
    public int width() {
        return columns.size() + 1;
    }

    /**
     * The event panel of one event, without the search: the page sends the shown search along
     * ({@code hx-include} of its {@code #shown-search} form), so fifty rows do not each repeat it.
     */
    public static String eventUrl(String index, String id) {
        return "/search/event?index=" + enc(index) + "&id=" + enc(id);
    }

    /** A field's top values over all results, without the search (sent along as for {@link #eventUrl}). */
    public static String valuesUrl(String field) {
        return "/search/values?field=" + enc(field);
    }

    /** The query string of this search without the path, for the htmx calls of the page. */
    public String params() {
        return url().substring("/search?".length());
    }

    private String withoutColumns() {
        return "/search?q=" + enc(q) + rangeParams();
    }

    private String rangeParams() {
        return "&from=" + enc(from) + "&to=" + enc(to);
    }

    /** The columns are left out when they are the defaults: a page holds hundreds of these links. */
    private static String columnsParam(List<String> columns) {
        return columns.equals(ResultsTable.DEFAULT_COLUMNS) ? "" : "&cols=" + enc(String.join(",", columns));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
