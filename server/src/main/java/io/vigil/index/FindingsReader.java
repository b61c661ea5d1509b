package io.vigil.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.Level;
import io.vigil.ops.DependencySetup;

/**
 * Reads findings back for the console, newest first: the latest, optionally of one rule or level, and
 * those of one event, limited to the sources the search service's scope allows (DESIGN.md §3).
 */
@ApplicationScoped
public class FindingsReader {

    /**
     * A finding as the console lists it: {@code time} is its latest event's, {@code first} its earliest
     * (ISO-8601 both); {@code count} events matched, {@code eventIds} lists them; {@code found} when detection
     * wrote it (empty for findings of mapping v1); {@code ref} names the finding itself ("index/id").
     */
    public record StoredFinding(String time, String first, String ruleId, String ruleTitle, String level,
            List<String> tags, String source, List<String> eventIds, int count, String eventIndex, String group,
            String found, String ref) {

        /** How severe, for sorting: 0 the most severe (see {@link Level#rank}). */
        public int levelRank() {
            return Level.rank(level);
        }

        /** The finding's first listed event. */
        public String eventId() {
            return eventIds.isEmpty() ? "" : eventIds.getFirst();
        }
    }

    private final OpenSearchClient client;

    FindingsReader(OpenSearchClient client) {
        this.client = client;
    }

    /** The newest findings, optionally of one rule or level, only of the given sources (null: any). */
    public List<StoredFinding> latest(String ruleId, String level, int limit, Set<String> sources) {
        List<Query> filters = new ArrayList<>();
        inSources(sources).ifPresent(filters::add);
        if (ruleId != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("rule.id").value(FieldValue.of(ruleId)))));
        }
        if (level != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("rule.level").value(FieldValue.of(level)))));
        }
        return search(EventIndices.FINDINGS_PREFIX + "*", filters, limit);
    }

    /** The findings of one event, only of the given sources (null: any). */
    public List<StoredFinding> forEvent(String eventId, Set<String> sources) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("event.id").value(FieldValue.of(eventId)))));
        inSources(sources).ifPresent(filters::add);
        return search(EventIndices.FINDINGS_PREFIX + "*", filters, 100);
    }

    /** One finding by its {@code ref} ("index/id"), if it exists and is of the given sources (null: any). */
    public Optional<StoredFinding> byRef(String ref, Set<String> sources) {
        int slash = ref == null ? -1 : ref.indexOf('/');
        if (slash < 0 || !ref.startsWith(EventIndices.FINDINGS_PREFIX)
                || !ref.substring(0, slash).matches("[a-z0-9._-]+")) {
            return Optional.empty();
        }
        String index = ref.substring(0, slash);
        String id = ref.substring(slash + 1);
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.ids(i -> i.values(id))));
        inSources(sources).ifPresent(filters::add);
        return search(index, filters, 1).stream().findFirst();
    }

    /** A filter to the given sources; none when any source may be read (an empty set matches nothing). */
    private static Optional<Query> inSources(Set<String> sources) {
        if (sources == null) {
            return Optional.empty();
        }
        List<FieldValue> values = sources.stream().map(FieldValue::of).toList();
        return Optional.of(Query.of(q -> q.terms(t -> t.field("vigil.source").terms(v -> v.value(values)))));
    }

    /** Findings that pass every filter, newest first. */
    private List<StoredFinding> search(String index, List<Query> filters, int size) {
        try {
            var response = client.search(s -> s.index(index).size(size)
                    .ignoreUnavailable(true).allowNoIndices(true)
                    .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Desc)))
                    .query(q -> q.bool(b -> b.filter(filters))), ObjectNode.class);
            return response.hits().hits().stream().filter(hit -> hit.source() != null)
                    .map(hit -> finding(hit.index() + "/" + hit.id(), hit.source())).toList();
        } catch (IOException | OpenSearchException e) {
            throw new StoreUnavailableException("cannot read findings: " + DependencySetup.rootMessage(e), e);
        }
    }

    static StoredFinding finding(String ref, JsonNode doc) {
        JsonNode rule = doc.path("rule");
        List<String> tags = new ArrayList<>();
        rule.path("tags").forEach(tag -> tags.add(tag.asText()));
        StringBuilder group = new StringBuilder();
        doc.path("group").fields().forEachRemaining(field -> group.append(group.isEmpty() ? "" : ", ")
                .append(field.getKey()).append(' ').append(field.getValue().asText()));
        // mapping versions 1 and 2 wrote one finding per event: event.id a single value, no count
        List<String> eventIds = new ArrayList<>();
        JsonNode ids = doc.path("event").path("id");
        if (ids.isArray()) {
            ids.forEach(id -> eventIds.add(id.asText()));
        } else if (!ids.isMissingNode()) {
            eventIds.add(ids.asText());
        }
        String time = doc.path("@timestamp").asText();
        return new StoredFinding(time, doc.path("finding").path("first").asText(time), rule.path("id").asText(),
                rule.path("title").asText(), rule.path("level").asText(""), tags,
                doc.path("vigil").path("source").asText(), eventIds,
                doc.path("finding").path("count").asInt(eventIds.size()), doc.path("event").path("index").asText(),
                group.toString(), doc.path("finding").path("created").asText(""), ref);
    }
}
