package io.vigil.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.Ecs;
import io.vigil.index.EventIndices;
import io.vigil.search.pipe.PipeAggregations;

/**
 * The OpenSearch request bodies of the search service, built in one place: every one starts from
 * {@link #query}, which holds the time range, the user's scope and the checked query. Public so the
 * search benchmark can send the very same bodies straight to OpenSearch as its baseline.
 */
public final class SearchBodies {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Beyond this many days the index list is a wildcard rather than one pattern per day. */
    private static final int MAX_DAY_PATTERNS = 45;

    private SearchBodies() {
    }

    /** The first page of the results table: events newest first and the histogram of all of them. */
    public static ObjectNode firstPage(SearchScope scope, PreparedSearch search, int size,
            HistogramInterval interval, List<String> columns) {
        ObjectNode body = tablePage(scope, search, size, columns);
        PipeAggregations.dateHistogram(body.putObject("aggs").putObject("over_time"), interval.expression(),
                search.range());
        return body;
    }

    /** A pipe's aggregations over every event of the search (no events returned). */
    public static ObjectNode pipe(SearchScope scope, PreparedSearch search) {
        ObjectNode body = count(scope, search);
        ObjectNode aggs = PipeAggregations.aggregations(search.pipe(), search.range());
        if (!aggs.isEmpty()) {
            body.set("aggs", aggs);
        }
        return body;
    }

    /** How many events the search selects, exactly. */
    public static ObjectNode count(SearchScope scope, PreparedSearch search) {
        ObjectNode body = F.objectNode().put("size", 0).put("track_total_hits", true);
        body.set("query", query(scope, search));
        return body;
    }

    /** A field's commonest values over all events of the search, and how many hold the field. */
    public static ObjectNode topValues(SearchScope scope, PreparedSearch search, String field, int size) {
        ObjectNode body = F.objectNode().put("size", 0).put("track_total_hits", false);
        body.set("query", query(scope, search));
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("top").putObject("terms").put("field", field).put("size", size);
        aggs.putObject("with_field").putObject("filter").putObject("exists").put("field", field);
        return body;
    }

    /**
     * A page for the results table: the documents without {@value Ecs#EVENT_ORIGINAL} (unless it is a column),
     * which holds the record as it came, often half of a document; the table and its field sidebar
     * never show it, and the event panel reads the whole event.
     */
    public static ObjectNode tablePage(SearchScope scope, PreparedSearch search, int size, List<String> columns) {
        ObjectNode body = page(scope, search, size);
        if (!columns.contains(Ecs.EVENT_ORIGINAL)) {
            body.putObject("_source").putArray("excludes").add(Ecs.EVENT_ORIGINAL);
        }
        return body;
    }

    /** The request body of a page of whole documents: the checked query in the range and the scope, newest first. */
    public static ObjectNode page(SearchScope scope, PreparedSearch search, int size) {
        ObjectNode body = F.objectNode();
        body.put("size", size).put("track_total_hits", false);
        body.set("query", query(scope, search));
        ArrayNode sort = body.putArray("sort");
        sort.addObject().putObject("@timestamp").put("order", "desc"); // sort value: epoch millis
        sort.addObject().putObject("event.id").put("order", "desc").put("unmapped_type", "keyword");
        return body;
    }

    /** The filter every read uses: time range, scope, and the user's query. */
    public static ObjectNode query(SearchScope scope, PreparedSearch search) {
        ObjectNode query = F.objectNode();
        ArrayNode filters = query.putObject("bool").putArray("filter");
        filters.addObject().putObject("range").putObject("@timestamp")
                .put("gte", search.range().from().toEpochMilli()).put("lt", search.range().to().toEpochMilli())
                .put("format", "epoch_millis");
        if (!scope.unrestricted()) {
            filters.add(scope.filter());
        }
        if (search.ruleFilter() != null) {
            filters.add(search.ruleFilter());
        }
        if (!search.text().matchesAll()) {
            filters.addObject().putObject("query_string").put("query", search.checked().lucene())
                    .put("default_operator", "AND").put("lenient", true).put("allow_leading_wildcard", true);
        }
        return query;
    }

    /** One index pattern per UTC day of the range (shards of other days are not asked), or all. */
    public static String indices(TimeRange range) {
        LocalDate first = range.from().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = range.to().minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate();
        if (first.plusDays(MAX_DAY_PATTERNS).isBefore(last)) {
            return EventIndices.ALL_EVENTS;
        }
        StringBuilder patterns = new StringBuilder();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            patterns.append(patterns.isEmpty() ? "" : ",")
                    .append(EventIndices.events("*", day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return patterns.toString();
    }

}
