package io.vigil.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.vigil.access.VigilUser;
import io.vigil.detect.alert.AlertQueries;
import io.vigil.store.Columns;

/**
 * Reads incidents: the list (filtered, sorted, with counts for the list's views) and one incident with its
 * evidence as one reader may see it. Incidents are seen by everyone who may read incidents; the evidence in
 * them is cut to the reader's data scope, and the detail says how much was left out.
 */
@ApplicationScoped
public class IncidentQueries {

    /** A page of incidents, how many match, and how many each view and state holds. */
    public record Page(List<IncidentView> incidents, long total, Map<String, Long> views,
            Map<String, Long> states) {
    }

    private final EntityManager db;
    private final AlertQueries alerts;
    private final Sla sla;

    IncidentQueries(EntityManager db, AlertQueries alerts, Sla sla) {
        this.db = db;
        this.alerts = alerts;
        this.sla = sla;
    }

    /** A page of incidents with the counts of the list's views and states. */
    @Transactional
    public Page page(VigilUser user, IncidentFilter filter, int offset, int size) {
        Page found = incidents(user, filter, offset, size);
        return new Page(found.incidents(), found.total(), views(user), states());
    }

    /** A page of incidents and how many match, without the counts (the board asks once per state). */
    @Transactional
    public Page incidents(VigilUser user, IncidentFilter filter, int offset, int size) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(user.username(), parameters);
        Query list = db.createNativeQuery("select i.* from incident i" + where + " order by " + filter.order().sql
                + (filter.ascending() ? " asc" : " desc") + " nulls last, i.id desc limit " + size + " offset "
                + offset, Incident.class);
        bind(list, parameters);
        @SuppressWarnings("unchecked")
        List<Incident> incidents = list.getResultList();
        Query total = db.createNativeQuery("select count(*) from incident i" + where);
        bind(total, parameters);
        var targets = sla.targets();
        Instant now = Instant.now();
        return new Page(incidents.stream().map(i -> IncidentView.of(i, Sla.of(i, targets, now))).toList(),
                ((Number) total.getSingleResult()).longValue(), Map.of(), Map.of());
    }

    private Map<String, Long> views(VigilUser user) {
        Object[] row = (Object[]) db.createNativeQuery("""
                select count(*), count(*) filter (where i.assignee = ?1), count(*) filter (where i.assignee is null),
                       count(*) filter (where %s)
                from incident i where i.state not in ('resolved', 'closed')""".formatted(IncidentFilter.BREACHING))
                .setParameter(1, user.username()).getSingleResult();
        Map<String, Long> views = new LinkedHashMap<>();
        for (int i = 0; i < IncidentFilter.VIEWS.size(); i++) {
            views.put(IncidentFilter.VIEWS.get(i), ((Number) row[i]).longValue());
        }
        return views;
    }

    private Map<String, Long> states() {
        Map<String, Long> states = new LinkedHashMap<>();
        Arrays.stream(IncidentState.values()).forEach(s -> states.put(s.id(), 0L));
        for (Object row : db.createNativeQuery("select state, count(*) from incident group by state").getResultList()) {
            Object[] cells = (Object[]) row;
            states.put((String) cells[0], ((Number) cells[1]).longValue());
        }
        return states;
    }

    /** One incident as the reader may see it. */
    @Transactional
    public Optional<IncidentView.Detail> one(VigilUser user, long id) {
        Incident incident = Incident.findById(id);
        if (incident == null) {
            return Optional.empty();
        }
        var scope = user.sourceScope();
        var linked = alerts.ofIncident(user, id);
        List<IncidentView.PinnedEvent> events = new ArrayList<>();
        int hiddenEvents = 0;
        for (Object row : db.createNativeQuery("""
                select event_index, event_id, event_time, source, pinned, pinned_by from incident_event
                where incident_id = ?1 order by event_time, event_id""").setParameter(1, id).getResultList()) {
            Object[] c = (Object[]) row;
            if (visible(scope, (String) c[3])) {
                events.add(
                        new IncidentView.PinnedEvent((String) c[0], (String) c[1], Columns.instant(c[2]), (String) c[3],
                                Columns.instant(c[4]), (String) c[5]));
            } else {
                hiddenEvents++;
            }
        }
        List<IncidentView.Observable> observables = new ArrayList<>();
        int hiddenObservables = 0;
        // other incidents count only where the reader could see the observable there too
        var observableRows = db.createNativeQuery("""
                select o.kind, o.value, o.origin, o.source, o.added, o.added_by,
                       (select count(distinct p.incident_id) from incident_observable p
                        where p.kind = o.kind and p.value = o.value and p.incident_id <> o.incident_id
                          and (cast(?2 as text[]) is null or p.source is null
                               or string_to_array(p.source, ',') <@ cast(?2 as text[])))
                from incident_observable o where o.incident_id = ?1 order by o.kind, o.value""").setParameter(1, id)
                .setParameter(2, scope.map(sources -> sources.toArray(String[]::new)).orElse(null));
        for (Object row : observableRows.getResultList()) {
            Object[] c = (Object[]) row;
            if (visibleAll(scope, (String) c[3])) {
                observables.add(new IncidentView.Observable((String) c[0], (String) c[1], (String) c[2],
                        (String) c[3], Columns.instant(c[4]), (String) c[5], ((Number) c[6]).longValue()));
            } else {
                hiddenObservables++;
            }
        }
        List<IncidentView.Task> tasks = IncidentTask.<IncidentTask>list("incidentId = ?1 order by position", id)
                .stream().map(IncidentView.Task::of).toList();
        List<IncidentView.Comment> comments = IncidentComment.<IncidentComment>list("incidentId = ?1 order by id", id)
                .stream().map(c -> new IncidentView.Comment(c.id, c.author, c.created, c.body, Markdown.html(c.body)))
                .toList();
        List<IncidentView.Change> timeline = IncidentChange.<IncidentChange>list("incidentId = ?1 order by id", id)
                .stream().map(c -> change(c, scope)).toList();
        @SuppressWarnings("unchecked")
        List<String> watchers = db.createNativeQuery(
                "select username from incident_watcher where incident_id = ?1 order by username").setParameter(1, id)
                .getResultList();
        return Optional.of(new IncidentView.Detail(IncidentView.of(incident, Sla.of(incident, sla.targets(),
                Instant.now())), linked.alerts(), events, observables, tasks, comments, IncidentAttachments.of(db, id),
                timeline, watchers,
                new IncidentView.Hidden(linked.hidden(), hiddenEvents, hiddenObservables)));
    }

    private static boolean visible(Optional<Set<String>> scope, String source) {
        return scope.isEmpty() || scope.get().contains(source);
    }

    /** Evidence from these sources (comma-separated; null for none) is visible when all are in the scope. */
    static boolean visibleAll(Optional<Set<String>> scope, String sources) {
        return sources == null || scope.isEmpty() || Arrays.stream(sources.split(",")).allMatch(scope.get()::contains);
    }

    /** A timeline entry as a reader sees it: what it names is left out when its sources are outside the scope. */
    static IncidentView.Change change(IncidentChange c, Optional<Set<String>> scope) {
        return visibleAll(scope, c.sources)
                ? IncidentView.Change.of(c)
                : new IncidentView.Change(c.at, c.actor, c.kind, null, "(outside your data scope)", c.version);
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
