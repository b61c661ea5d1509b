package io.vigil.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    /** The key of the names of every source (a scope never names this source). */
    private static final Set<String> EVERY_SOURCE = Set.of("\u0000every source");

    /** One read of the mappings, and the names computed from it per set of sources (null: every source). */
    private record Cached(JsonNode mappings, Instant read, Map<Set<String>, List<String>> names) {
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
            current = new Cached(queries.mapping(EventIndices.ALL_EVENTS), now, new ConcurrentHashMap<>());
            cached = current;
        }
        JsonNode mappings = current.mappings();
        // completion asks on every key: the mappings are walked once per scope per read, not per call
        return current.names().computeIfAbsent(scope.unrestricted() ? EVERY_SOURCE : scope.sources(),
                sources -> leafNames(mappings, scope));
    }

    private static List<String> leafNames(JsonNode mappings, SearchScope scope) {
        Predicate<String> inScope = scope.unrestricted()
                ? index -> true
                : index -> EventIndices.sourceOfEvents(index).filter(scope.sources()::contains).isPresent();
        return FieldTypes.fromMappingResponse(mappings, inScope).kinds().entrySet().stream()
                .filter(e -> e.getValue() != FieldKind.OBJECT).map(Map.Entry::getKey).sorted().toList();
    }
}
