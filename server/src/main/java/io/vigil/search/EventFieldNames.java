package io.vigil.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.index.EventIndices;
import io.vigil.index.RawQueries;
import io.vigil.index.query.FieldKind;
import io.vigil.index.query.FieldTypes;

/**
 * The field names of the events indices, for completion in the query bar: read from the mappings and
 * kept for ten seconds, so typing does not read every mapping per key, while a new kind of event's
 * fields are offered soon after it arrives.
 */
@ApplicationScoped
public class EventFieldNames {

    static final Duration KEEP = Duration.ofSeconds(10);

    private record Cached(List<String> names, Instant read) {
    }

    private final RawQueries queries;
    private final Clock clock = Clock.systemUTC();
    private volatile Cached cached;

    EventFieldNames(RawQueries queries) {
        this.queries = queries;
    }

    /** Every leaf field (no objects), sorted. */
    public List<String> names() {
        Cached current = cached;
        Instant now = clock.instant();
        if (current == null || current.read().plus(KEEP).isBefore(now)) {
            var types = FieldTypes.fromMappingResponse(queries.mapping(EventIndices.ALL_EVENTS));
            List<String> names = types.kinds().entrySet().stream().filter(e -> e.getValue() != FieldKind.OBJECT)
                    .map(java.util.Map.Entry::getKey).sorted().toList();
            current = new Cached(names, now);
            cached = current;
        }
        return current.names();
    }
}
