package io.vigil.search;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What one search request answers: a page of events, and on the first page the histogram and total. */
public record SearchResults(List<Hit> hits, long total, List<Bar> histogram, HistogramInterval interval,
        Cursor next, List<String> warnings) {

    /** One stored event. */
    public record Hit(String index, String id, Instant time, String source, JsonNode document) {
    }

    /** A histogram bar: events from {@code start} for one interval. */
    public record Bar(Instant start, long count) {
    }

    /**
     * Where the next page starts: after the last hit's sort values, in a point in time once one is
     * open (null until the second page is asked for). Null {@code next} means no more pages.
     */
    public record Cursor(String pointInTime, long afterMillis, String afterId) {
    }
}
