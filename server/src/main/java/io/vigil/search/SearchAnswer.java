package io.vigil.search;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.vigil.search.SearchResults.Bar;
import io.vigil.search.SearchResults.Hit;

/**
 * What {@code GET /api/search} answers: for a search that lists events, a page of them (the first page
 * with the total and the histogram) and the cursor of the next page; for a search with a pipe, its table.
 * Absent parts are left out.
 *
 * @param from the range's start as resolved when the search ran ({@code now-24h} becomes an instant)
 * @param next the cursor to send back for the next page, absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchAnswer(String query, Instant from, Instant to, Long total, Histogram histogram,
        List<Hit> events, String next, Table table, List<String> warnings) {

    /** Events per interval over the range (first page only). */
    public record Histogram(String interval, List<Bar> bars) {
    }

    /** A pipe's table: column names, rows of text cells, and a note when it is cut or approximate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Table(List<String> columns, List<List<String>> rows, String note) {
    }

    /** A field's commonest values over every event of a search, and how many events hold the field. */
    public record Values(String field, long withField, List<ValueCount> values) {
    }
}
