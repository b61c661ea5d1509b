package io.vigil.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.index.EventIndices;
import io.vigil.index.RawQueries;
import io.vigil.index.query.FieldKind;
import io.vigil.index.query.FieldTypes;

/**
 * The field names of the events indices a user may read, for completion in the query bar and the
 * field list: read from the mappings (kept for ten seconds, so typing does not read every mapping per
 * key, while a new kind of event's fields are offered soon after it arrives), and only from the
 * indices of the sources in the user's scope, so a field that exists only elsewhere is never named.
 */
@ApplicationScoped
public class EventFieldNames {

    static final Duration KEEP = Duration.ofSeconds(10);

    private record Cached(JsonNode mappings, Instant read) {
    }

    private final RawQueries queries;
    private final Clock clock = Clock.systemUTC();
    private volatile Cached cached;

    EventFieldNames(RawQueries queries) {
        this.queries = queries;
    }

    /** Every leaf field (no objects) of the events in scope, sorted. */
    public List<String> names(SearchScope scope) {
        return names(scope, false);
    }

    /**
     * As {@link #names(SearchScope)}; {@code fresh} reads the mappings again first, for a check that
     * must not miss a field that arrived in the last seconds.
     */
    public List<String> names(SearchScope scope, boolean fresh) {
        Cached current = cached;
        Instant now = clock.instant();
        if (fresh || current == null || current.read().plus(KEEP).isBefore(now)) {
            current = new Cached(queries.mapping(EventIndices.ALL_EVENTS), now);
            cached = current;
        }
        Predicate<String> inScope = scope.unrestricted()
                ? index -> true
                : index -> EventIndices.sourceOfEvents(index).filter(scope.sources()::contains).isPresent();
        return FieldTypes.fromMappingResponse(current.mappings(), inScope).kinds().entrySet().stream()
                .filter(e -> e.getValue() != FieldKind.OBJECT).map(Map.Entry::getKey).sorted().toList();
    }
}
