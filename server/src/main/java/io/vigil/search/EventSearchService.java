package io.vigil.search;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
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
import io.vigil.index.RawQueries;
import io.vigil.index.RawQueries.RefusedException;
import io.vigil.search.SearchResults.Bar;
import io.vigil.search.SearchResults.Cursor;
import io.vigil.search.SearchResults.Hit;
import io.vigil.search.pipe.PipeResult;

/**
 * Every read of stored events goes through here — the search page, field statistics, the event panel,
 * pipes and export — so the user's {@link SearchScope} is applied in one place. Queries are checked
 * ({@link QueryCheck}) before they are sent; OpenSearch's refusals come back as {@link SearchProblem}s.
 */
@ApplicationScoped
public class EventSearchService {

    /** How long an open point in time waits for the next page. */
    static final String KEEP_ALIVE = "5m";
    /** Events per page of an export. */
    static final int EXPORT_PAGE = 5000;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern EVENTS_INDEX = Pattern.compile(Pattern.quote(EventIndices.EVENTS_PREFIX)
            + "[a-z0-9][a-z0-9_.-]*");

    private final RawQueries queries;
    private final EventFieldNames fieldNames;
    private final RuleFilters rules;
    private final Clock clock;

    EventSearchService(RawQueries queries, EventFieldNames fieldNames, RuleFilters rules) {
        this.queries = queries;
        this.fieldNames = fieldNames;
        this.rules = rules;
        this.clock = Clock.systemUTC();
    }

    /** A search as the user states it, checked; the range resolved against the clock now. */
    public PreparedSearch prepare(String text, String from, String to) {
        TimeRange range = TimeRange.parse(from, to, clock.instant());
        SearchText parts = SearchText.parse(text);
        QueryCheck.Checked checked = QueryCheck.check(parts.query(), parts.queryOffset(), range.length());
        return new PreparedSearch(parts, range, checked, parts.rule() == null ? null : rules.filter(parts.rule()));
    }

    /** The newest {@code size} events (their documents as the table needs them), the total and the histogram. */
    public SearchResults first(VigilUser user, PreparedSearch search, int size, List<String> columns) {
        HistogramInterval interval = HistogramInterval.forRange(search.range().length());
        ObjectNode body = SearchBodies.firstPage(SearchScope.of(user), search, size, interval, columns);
        JsonNode answer = run(SearchBodies.indices(search.range()), body);
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

    /** A pipe's table over every event of the search, computed by OpenSearch's aggregations. */
    public PipeResult pipe(VigilUser user, PreparedSearch search) {
        SearchScope scope = SearchScope.of(user);
        if (!scope.unrestricted()) {
            requireFieldsInScope(scope, search.pipe().fields());
        }
        return PipeResult.read(search.pipe(), run(SearchBodies.indices(search.range()),
                SearchBodies.pipe(scope, search)));
    }

    /**
     * A scoped user's pipe may name only fields of the events they may read: otherwise how OpenSearch
     * answers (an empty table, or an error about the field's type) would tell whether the field exists
     * in a source outside the scope. The answer is the same whether it exists elsewhere or nowhere.
     */
    private void requireFieldsInScope(SearchScope scope, List<String> fields) {
        List<String> known = fieldNames.names(scope);
        if (known.containsAll(fields)) {
            return;
        }
        known = fieldNames.names(scope, true);
        for (String field : fields) {
            if (!known.contains(field)) {
                throw new SearchProblem("no event you may read has a field '" + field + "'", -1);
            }
        }
    }

    /**
     * The page after {@code cursor}. The first call opens a point in time, so further pages read one
     * snapshot; when none can be opened (or it expired) the page is read from the live indices, which
     * still continues after the last event shown.
     */
    public SearchResults more(VigilUser user, PreparedSearch search, Cursor cursor, int size, List<String> columns) {
        ObjectNode body = SearchBodies.tablePage(SearchScope.of(user), search, size, columns);
        ArrayNode after = body.putArray("search_after");
        after.add(cursor.afterMillis()).add(cursor.afterId());
        String indices = SearchBodies.indices(search.range());
        String pit = cursor.pointInTime();
        JsonNode answer;
        try {
            if (pit == null) {
                pit = queries.openPointInTime(indices, KEEP_ALIVE);
            }
            answer = queries.searchPointInTime(withPit(body, pit));
        } catch (RefusedException e) {
            // too many open points in time, or this one expired: the live indices still page on
            pit = null;
            body.remove("pit");
            answer = run(indices, body);
        }
        List<Hit> hits = hits(answer);
        return new SearchResults(hits, -1, List.of(), null, next(hits, size, pit), List.of());
    }

    /** How many events the query matches before and after the search's range (in the user's scope). */
    public record Outside(long before, long after) {

        public boolean any() {
            return before + after > 0;
        }
    }

    /**
     * What a search that found nothing in its range would find outside it: an archive dated in another
     * year, a source whose clock is off. Two counts over every events index.
     */
    public Outside outside(VigilUser user, PreparedSearch search) {
        SearchScope scope = SearchScope.of(user);
        long before = 0;
        if (search.range().from().isAfter(TimeRange.EARLIEST)) {
            before = total(scope, search.over(new TimeRange(TimeRange.ALL_TIME, search.range().fromText(),
                    TimeRange.EARLIEST, search.range().from())));
        }
        long after = total(scope, search.over(new TimeRange(search.range().toText(), TimeRange.LATEST.toString(),
                search.range().to(), TimeRange.LATEST)));
        return new Outside(before, after);
    }

    private long total(SearchScope scope, PreparedSearch search) {
        return run(EventIndices.ALL_EVENTS, SearchBodies.count(scope, search)).path("hits").path("total")
                .path("value").asLong();
    }

    /** A field's commonest values over all events of a search, and how many events hold the field. */
    public record TopValues(List<ValueCount> values, long withField) {
    }

    public TopValues topValues(VigilUser user, PreparedSearch search, String field, int size) {
        if (field.isBlank()) {
            throw new SearchProblem("no field named", -1);
        }
        ObjectNode body = SearchBodies.topValues(SearchScope.of(user), search, field, size);
        JsonNode answer;
        try {
            answer = queries.search(SearchBodies.indices(search.range()), body);
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

    /**
     * Streams every event of the search (up to {@code max}) newest first, page by page from one point in
     * time — counted in that same snapshot — reporting progress and stopping when the export is
     * cancelled. A failure, a cancel or a short read surfaces as an IOException, so the download is cut
     * rather than ending as if complete.
     */
    public void export(VigilUser user, PreparedSearch search, ExportWriter writer, ExportProgress progress,
            long max) throws IOException {
        SearchScope scope = SearchScope.of(user);
        String pit = null;
        try {
            pit = queries.openPointInTime(SearchBodies.indices(search.range()), KEEP_ALIVE);
            long matching = queries.searchPointInTime(withPit(SearchBodies.count(scope, search), pit))
                    .path("hits").path("total").path("value").asLong();
            progress.total = Math.min(max, matching);
            progress.capped = matching > max;
            progress.state = "running";
            writer.header();
            long written = exportPages(scope, search, writer, progress, pit);
            if (written < progress.total) {
                throw new IOException("the events ended after " + written + " of " + progress.total
                        + " (deleted by retention meanwhile?)");
            }
            progress.state = progress.capped ? "done: the first " + max + " of " + matching + " events" : "done";
        } catch (RefusedException | io.vigil.index.StoreUnavailableException e) {
            progress.state = "failed: " + e.getMessage();
            throw new IOException(progress.state, e);
        } catch (IOException e) {
            if (progress.running()) {
                progress.state = progress.cancelled ? "cancelled" : "failed: " + e.getMessage();
            }
            throw e;
        } finally {
            if (pit != null) {
                queries.closePointInTime(pit);
            }
        }
    }

    private long exportPages(SearchScope scope, PreparedSearch search, ExportWriter writer, ExportProgress progress,
            String pit) throws IOException {
        long written = 0;
        Cursor cursor = null;
        while (written < progress.total) {
            if (progress.cancelled) {
                throw new IOException("export cancelled after " + written + " events");
            }
            ObjectNode body = SearchBodies.page(scope, search, (int) Math.min(EXPORT_PAGE, progress.total - written));
            if (cursor != null) {
                body.putArray("search_after").add(cursor.afterMillis()).add(cursor.afterId());
            }
            List<Hit> hits = hits(queries.searchPointInTime(withPit(body, pit)));
            if (hits.isEmpty()) {
                break;
            }
            for (Hit hit : hits) {
                writer.event(hit);
            }
            written += hits.size();
            progress.written.set(written);
            writer.out.flush();
            cursor = next(hits, hits.size(), pit);
        }
        return written;
    }

    private static ObjectNode withPit(ObjectNode body, String pit) {
        body.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE);
        return body;
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

    JsonNode run(String indices, ObjectNode body) {
        try {
            return queries.search(indices, body);
        } catch (RefusedException e) {
            throw new SearchProblem("OpenSearch refused the search: " + e.getMessage(), -1);
        }
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
