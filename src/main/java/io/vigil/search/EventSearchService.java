package io.vigil.search;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.access.VigilUser;
import io.vigil.index.EventIndices;
import io.vigil.index.FindingsReader;
import io.vigil.index.FindingsReader.StoredFinding;
import io.vigil.index.RawQueries;
import io.vigil.index.RawQueries.RefusedException;
import io.vigil.search.SearchResults.Bar;
import io.vigil.search.SearchResults.Cursor;
import io.vigil.search.SearchResults.Hit;

/**
 * Every read of stored events goes through here — the search page, field statistics, the event panel,
 * pipes and export — so the user's {@link SearchScope} is applied in one place. Queries are checked
 * ({@link QueryCheck}) before they are sent; OpenSearch's refusals come back as {@link SearchProblem}s.
 */
@ApplicationScoped
public class EventSearchService {

    /** How long an open point in time waits for the next page. */
    static final String KEEP_ALIVE = "5m";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");
    private static final Pattern EVENTS_INDEX = Pattern.compile(Pattern.quote(EventIndices.EVENTS_PREFIX)
            + "[a-z0-9][a-z0-9_.-]*");
    /** Beyond this many days the index list is a wildcard rather than one pattern per day. */
    private static final int MAX_DAY_PATTERNS = 45;

    /** Sigma's levels, most severe first: the order findings are shown in. */
    private static final List<String> LEVELS = List.of("critical", "high", "medium", "low", "informational");

    private final RawQueries queries;
    private final FindingsReader findings;
    private final Clock clock;

    EventSearchService(RawQueries queries, FindingsReader findings) {
        this.queries = queries;
        this.findings = findings;
        this.clock = Clock.systemUTC();
    }

    /** A search as the user states it, checked; the range resolved against the clock now. */
    public PreparedSearch prepare(String text, String from, String to) {
        TimeRange range = TimeRange.parse(from, to, clock.instant());
        SearchText parts = SearchText.parse(text);
        QueryCheck.Checked checked = QueryCheck.check(parts.query(), 0, range.length());
        return new PreparedSearch(parts, range, checked);
    }

    /** The newest {@code size} events, the total and the histogram. */
    public SearchResults first(VigilUser user, PreparedSearch search, int size) {
        HistogramInterval interval = HistogramInterval.forRange(search.range().length());
        ObjectNode body = page(SearchScope.of(user), search, size);
        ObjectNode histogram = body.putObject("aggs").putObject("over_time").putObject("date_histogram");
        histogram.put("field", "@timestamp").put("fixed_interval", interval.expression()).put("min_doc_count", 0);
        histogram.putObject("extended_bounds").put("min", search.range().from().toEpochMilli())
                .put("max", search.range().to().toEpochMilli() - 1);
        JsonNode answer = run(indices(search.range()), body);
        List<Bar> bars = new ArrayList<>();
        long total = 0;
        for (JsonNode bucket : answer.path("aggregations").path("over_time").path("buckets")) {
            long count = bucket.path("doc_count").asLong();
            bars.add(new Bar(Instant.ofEpochMilli(bucket.path("key").asLong()), count));
            total += count;
        }
        List<Hit> hits = hits(answer);
        return new SearchResults(hits, total, bars, interval, next(hits, size, null), search.checked().warnings());
    }

    /**
     * The page after {@code cursor}. The first call opens a point in time, so further pages read one
     * snapshot; when none can be opened (or it expired) the page is read from the live indices, which
     * still continues after the last event shown.
     */
    public SearchResults more(VigilUser user, PreparedSearch search, Cursor cursor, int size) {
        ObjectNode body = page(SearchScope.of(user), search, size);
        ArrayNode after = body.putArray("search_after");
        after.add(cursor.afterMillis()).add(cursor.afterId());
        String indices = indices(search.range());
        String pit = cursor.pointInTime();
        JsonNode answer;
        try {
            if (pit == null) {
                pit = queries.openPointInTime(indices, KEEP_ALIVE);
            }
            ObjectNode withPit = body.deepCopy();
            withPit.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE);
            answer = queries.searchPointInTime(withPit);
        } catch (RefusedException e) {
            // too many open points in time, or this one expired: the live indices still page on
            pit = null;
            answer = run(indices, body);
        }
        List<Hit> hits = hits(answer);
        return new SearchResults(hits, -1, List.of(), null, next(hits, size, pit), List.of());
    }

    /** A field's commonest values over all events of a search, and how many events hold the field. */
    public record TopValues(List<ValueCount> values, long withField) {
    }

    public TopValues topValues(VigilUser user, PreparedSearch search, String field, int size) {
        if (field.isBlank()) {
            throw new SearchProblem("no field named", -1);
        }
        ObjectNode body = F.objectNode().put("size", 0).put("track_total_hits", false);
        body.set("query", query(SearchScope.of(user), search));
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("top").putObject("terms").put("field", field).put("size", size);
        aggs.putObject("with_field").putObject("filter").putObject("exists").put("field", field);
        JsonNode answer;
        try {
            answer = queries.search(indices(search.range()), body);
        } catch (RefusedException e) {
            throw new SearchProblem("The values of " + field + " cannot be counted (" + e.getMessage()
                    + "). Full-text fields such as message are searched, not counted.", -1);
        }
        List<ValueCount> values = new ArrayList<>();
        for (JsonNode bucket : answer.path("aggregations").path("top").path("buckets")) {
            JsonNode key = bucket.has("key_as_string") ? bucket.path("key_as_string") : bucket.path("key");
            values.add(new ValueCount(key.asText(), bucket.path("doc_count").asLong()));
        }
        return new TopValues(values, answer.path("aggregations").path("with_field").path("doc_count").asLong());
    }

    /** One event by index and id, if it exists and the user's scope covers its source. */
    public Optional<Hit> event(VigilUser user, String index, String id) {
        if (!EVENTS_INDEX.matcher(index).matches()) {
            return Optional.empty();
        }
        ObjectNode body = F.objectNode().put("size", 1);
        ArrayNode filters = body.putObject("query").putObject("bool").putArray("filter");
        filters.addObject().putObject("ids").putArray("values").add(id);
        filters.add(SearchScope.of(user).filter());
        return hits(run(index, body)).stream().findFirst();
    }

    /** What detection found in one event (in the user's scope), most severe first. */
    public List<StoredFinding> findings(VigilUser user, String eventId) {
        List<StoredFinding> found = new ArrayList<>(findings.forEvent(eventId, SearchScope.of(user).sources()));
        found.sort(java.util.Comparator.comparingInt(f -> {
            int rank = LEVELS.indexOf(f.level());
            return rank < 0 ? LEVELS.size() : rank;
        }));
        return found;
    }

    /** The request body of a page: the checked query in the range and the scope, newest first. */
    ObjectNode page(SearchScope scope, PreparedSearch search, int size) {
        ObjectNode body = F.objectNode();
        body.put("size", size).put("track_total_hits", false);
        body.set("query", query(scope, search));
        ArrayNode sort = body.putArray("sort");
        sort.addObject().putObject("@timestamp").put("order", "desc"); // sort value: epoch millis
        sort.addObject().putObject("event.id").put("order", "desc").put("unmapped_type", "keyword");
        return body;
    }

    /** The filter every read uses: time range, scope, and the user's query. */
    ObjectNode query(SearchScope scope, PreparedSearch search) {
        ObjectNode query = F.objectNode();
        ArrayNode filters = query.putObject("bool").putArray("filter");
        filters.addObject().putObject("range").putObject("@timestamp")
                .put("gte", search.range().from().toEpochMilli()).put("lt", search.range().to().toEpochMilli())
                .put("format", "epoch_millis");
        if (!scope.unrestricted()) {
            filters.add(scope.filter());
        }
        if (!search.text().matchesAll()) {
            filters.addObject().putObject("query_string").put("query", search.checked().lucene())
                    .put("default_operator", "AND").put("lenient", true).put("allow_leading_wildcard", true);
        }
        return query;
    }

    JsonNode run(String indices, ObjectNode body) {
        try {
            return queries.search(indices, body);
        } catch (RefusedException e) {
            throw new SearchProblem("OpenSearch refused the search: " + e.getMessage(), -1);
        }
    }

    /** One index pattern per UTC day of the range (shards of other days are not asked), or all. */
    static String indices(TimeRange range) {
        LocalDate first = range.from().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = range.to().minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate();
        if (first.plusDays(MAX_DAY_PATTERNS).isBefore(last)) {
            return EventIndices.ALL_EVENTS;
        }
        StringBuilder patterns = new StringBuilder();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            patterns.append(patterns.isEmpty() ? "" : ",").append(EventIndices.EVENTS_PREFIX).append("*-")
                    .append(DAY.format(day));
        }
        return patterns.toString();
    }

    private static List<Hit> hits(JsonNode answer) {
        List<Hit> hits = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            JsonNode source = hit.path("_source");
            JsonNode sortValues = hit.path("sort");
            // sorted hits carry the time as epoch millis; a hit fetched by id has only its document
            Instant time = sortValues.has(0)
                    ? Instant.ofEpochMilli(sortValues.path(0).asLong())
                    : timestamp(source.path("@timestamp").asText(""));
            hits.add(new Hit(hit.path("_index").asText(), hit.path("_id").asText(), time,
                    source.path("vigil").path("source").asText(""), source));
        }
        return hits;
    }

    private static Instant timestamp(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static Cursor next(List<Hit> hits, int size, String pit) {
        if (hits.size() < size) {
            return null;
        }
        Hit last = hits.getLast();
        String id = last.document().path("event").path("id").asText("");
        return new Cursor(pit, last.time().toEpochMilli(), id);
    }
}
