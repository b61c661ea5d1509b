package io.vigil.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.vigil.access.VigilUser;
import io.vigil.detect.alert.AlertView;
import io.vigil.event.Ecs;
import io.vigil.search.EventSearchService;
import io.vigil.search.FlatFields;
import io.vigil.search.LuceneText;
import io.vigil.search.SearchResults;

/**
 * What an incident holds as evidence besides its alerts: events pinned from search, observables (taken from
 * alerts and events, or added by hand), comments and watchers. Adding evidence does not change the incident's
 * version: two people adding comments or events at once do not overwrite anything, so neither is refused.
 */
@ApplicationScoped
public class IncidentEvidence {

    private final EntityManager db;
    private final EventSearchService search;
    private final Clock clock = Clock.systemUTC();

    IncidentEvidence(EntityManager db, EventSearchService search) {
        this.db = db;
        this.search = search;
    }

    /** Pins an event the user can see; answers false when it was already pinned. */
    @Transactional
    public boolean pin(VigilUser user, long id, String index, String eventId) {
        Incident incident = IncidentService.writable(IncidentService.locked(id));
        SearchResults.Hit hit = search.event(user, index == null ? "" : index, eventId == null ? "" : eventId)
                .orElseThrow(() -> IncidentProblem.invalid("event: no event " + eventId + " in " + index
                        + " that you can see"));
        Instant now = clock.instant();
        int added = db.createNativeQuery("""
                insert into incident_event (incident_id, event_index, event_id, event_time, source, pinned, pinned_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""").setParameter(1, id)
                .setParameter(2, hit.index()).setParameter(3, hit.id()).setParameter(4, hit.time())
                .setParameter(5, hit.source()).setParameter(6, now).setParameter(7, user.username())
                .executeUpdate();
        if (added == 0) {
            return false;
        }
        Timeline.about(incident, user, now, "event", null, hit.id() + " (" + hit.source() + ", " + hit.time() + ")",
                hit.source());
        for (ObservableKind kind : ObservableKind.values()) {
            for (String field : kind.fields) {
                kind.normalize(FlatFields.value(hit.document(), field))
                        .ifPresent(value -> add(incident, kind, value, "event", hit.source(), user, now));
            }
        }
        return true;
    }

    /**
     * When the event reached Vigil ({@code event.ingested}), looked up in the store; empty when it cannot be
     * found or the store does not answer (time to detect then lacks that one stage, the escalation goes on).
     */
    Optional<Instant> arrival(VigilUser user, String eventId, Instant eventTime) {
        try {
            var prepared = search.prepare(LuceneText.term("event.id", eventId), eventTime.minusSeconds(60).toString(),
                    eventTime.plusSeconds(60).toString());
            return search.first(user, prepared, 1, List.of(Ecs.EVENT_INGESTED)).hits().stream().findFirst()
                    .map(hit -> FlatFields.value(hit.document(), Ecs.EVENT_INGESTED)).filter(v -> !v.isEmpty())
                    .map(Instant::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Takes the observables of an escalated alert's group values. */
    void fromAlert(Incident incident, AlertView alert, VigilUser user, Instant now) {
        // every source behind the alert: a reader sees the observable only if they may see them all
        String source = String.join(",", alert.sources());
        for (Map.Entry<String, String> group : alert.group().entrySet()) {
            ObservableKind.ofField(group.getKey(), group.getValue())
                    .ifPresent(kind -> kind.normalize(group.getValue())
                            .ifPresent(value -> add(incident, kind, value, "alert", source, user, now)));
        }
    }

    /** Adds an observable by hand; answers false when the incident already has it. */
    @Transactional
    public boolean observable(VigilUser user, long id, String kindId, String raw) {
        Incident incident = IncidentService.writable(IncidentService.locked(id));
        ObservableKind kind = ObservableKind.of(kindId).orElseThrow(() -> IncidentProblem.invalid("kind: one of "
                + String.join(", ",
                        java.util.Arrays.stream(ObservableKind.values()).map(ObservableKind::id).toList())));
        String value = kind.normalize(raw).orElseThrow(() -> IncidentProblem.invalid("value: " + kind.label()
                + " must be " + kind.shape()));
        return add(incident, kind, value, "manual", null, user, clock.instant());
    }

    private boolean add(Incident incident, ObservableKind kind, String value, String origin, String source,
            VigilUser user, Instant now) {
        int added = db.createNativeQuery("""
                insert into incident_observable (incident_id, kind, value, origin, source, added, added_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""").setParameter(1, incident.id)
                .setParameter(2, kind.id()).setParameter(3, value).setParameter(4, origin).setParameter(5, source)
                .setParameter(6, now).setParameter(7, user.username()).executeUpdate();
        if (added > 0) {
            Timeline.about(incident, user, now, "observable", null, kind.id() + " " + value, source);
        }
        return added > 0;
    }

    /** Adds a comment in Markdown (raw HTML refused); answers its id. */
    @Transactional
    public long comment(VigilUser user, long id, String body) {
        Optional<String> refusal = Markdown.refusal(body);
        if (refusal.isPresent()) {
            throw IncidentProblem.invalid(refusal.get());
        }
        Incident incident = IncidentService.writable(IncidentService.locked(id));
        IncidentComment comment = new IncidentComment();
        comment.incidentId = id;
        comment.author = user.username();
        comment.created = clock.instant();
        comment.body = body.strip();
        comment.persist();
        String first = comment.body.lines().findFirst().orElse("");
        Timeline.record(incident, user, comment.created, "comment", null,
                first.length() > 80 ? first.substring(0, 80) + "…" : first);
        return comment.id;
    }

    /** Starts or stops the user watching the incident. */
    @Transactional
    public void watch(VigilUser user, long id, boolean on) {
        IncidentService.locked(id);
        db.createNativeQuery(on
                ? "insert into incident_watcher values (?1, ?2) on conflict do nothing"
                : "delete from incident_watcher where incident_id = ?1 and username = ?2").setParameter(1, id)
                .setParameter(2, user.username()).executeUpdate();
    }
}
