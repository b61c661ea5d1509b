package io.vigil.detect.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.vigil.access.VigilUser;
import io.vigil.event.Level;
import io.vigil.store.Columns;

/**
 * Reads alerts for a user: filtered, sorted, a page at a time with the total and the counts per level,
 * and never an alert with a source outside the user's data scope.
 */
@ApplicationScoped
public class AlertQueries {

    /** A page of alerts, the total that match and how many of them per level. */
    public record Page(List<AlertView> alerts, long total, Map<String, Long> perLevel) {
    }

    private final EntityManager db;

    AlertQueries(EntityManager db) {
        this.db = db;
    }

    @Transactional
    public Page page(VigilUser user, AlertFilter filter, int offset, int size) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(user.sourceScope(), parameters);
        Query list = db.createNativeQuery("select * from alert" + where + " order by " + filter.order().sql
                + (filter.ascending() ? " asc" : " desc") + ", id limit " + size + " offset " + offset, Alert.class);
        bind(list, parameters);
        @SuppressWarnings("unchecked")
        List<Alert> alerts = list.getResultList();
        Query counts = db.createNativeQuery("select coalesce(rule_level, ''), count(*) from alert" + where
                + " group by 1");
        bind(counts, parameters);
        Map<String, Long> perLevel = new LinkedHashMap<>();
        Level.IDS.forEach(level -> perLevel.put(level, 0L));
        long total = 0;
        for (Object row : counts.getResultList()) {
            Object[] cells = (Object[]) row;
            long n = ((Number) cells[1]).longValue();
            perLevel.merge((String) cells[0], n, Long::sum);
            total += n;
        }
        perLevel.remove("");
        return new Page(alerts.stream().map(AlertView::of).toList(), total, perLevel);
    }

    /** How many alerts the filter shows changed after the instant (new ones and repeats). */
    @Transactional
    public long changedSince(VigilUser user, AlertFilter filter, Instant after) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(user.sourceScope(), parameters);
        parameters.add(after);
        Query count = db.createNativeQuery("select count(*) from alert" + (where.isEmpty()
                ? " where "
                : where
                        + " and ")
                + "updated > ?" + parameters.size());
        bind(count, parameters);
        return ((Number) count.getSingleResult()).longValue();
    }

    /** One alert with its events, if the user may see it. */
    @Transactional
    public Optional<AlertView.Detail> one(VigilUser user, UUID id) {
        Optional<Alert> alert = visible(user, id);
        if (alert.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = db.createNativeQuery("""
                select event_id, event_time, source from alert_event where alert_id = ?1
                order by event_time, event_id""").setParameter(1, id).getResultList();
        List<AlertView.Event> events = rows.stream().map(r -> new AlertView.Event((String) r[0], Columns.instant(r[1]),
                (String) r[2])).toList();
        return Optional.of(new AlertView.Detail(AlertView.of(alert.get()), events));
    }

    /**
     * Alerts by id for the system itself (notifications), in the order asked, without a user's scope: who
     * receives a channel's messages is an admin's choice.
     */
    @Transactional
    public List<AlertView> system(List<UUID> ids) {
        Map<UUID, Alert> found = new java.util.HashMap<>();
        Alert.<Alert>list("id in ?1", ids).forEach(a -> found.put(a.id, a));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).map(AlertView::of).toList();
    }

    /** Open alerts the system raised about itself (kind {@code health}), newest first, for admins. */
    @Transactional
    public List<AlertView> openSystem() {
        return Alert.<Alert>list("ruleKind = 'health' and state <> 'closed' order by lastEvent desc").stream()
                .map(AlertView::of).toList();
    }

    /** The alerts escalated into an incident that the user may see, and how many others the scope hides. */
    public record OfIncident(List<AlertView> alerts, int hidden) {
    }

    @Transactional
    public OfIncident ofIncident(VigilUser user, long incident) {
        List<Alert> all = Alert.list("incidentId = ?1 order by lastEvent desc", incident);
        var scope = user.sourceScope();
        List<AlertView> shown = all.stream()
                .filter(a -> scope.isEmpty() || scope.get().containsAll(List.of(a.sources))).map(AlertView::of)
                .toList();
        return new OfIncident(shown, all.size() - shown.size());
    }

    /**
     * How many alerts of a rule that the user may see were closed as false positives (shown when an incident is
     * resolved).
     */
    @Transactional
    public long falsePositives(VigilUser user, String ruleId) {
        List<Object> parameters = new ArrayList<>();
        String where = new AlertFilter(null, null, ruleId, AlertState.CLOSED.id(), null, null, null,
                AlertFilter.Order.LAST, false).where(user.sourceScope(), parameters);
        Query count = db
                .createNativeQuery("select count(*) from alert" + where + " and close_reason = 'false_positive'");
        bind(count, parameters);
        return ((Number) count.getSingleResult()).longValue();
    }

    /** The alert, if it exists and every source behind it is in the user's scope. */
    Optional<Alert> visible(VigilUser user, UUID id) {
        Alert alert = Alert.findById(id);
        if (alert == null) {
            return Optional.empty();
        }
        var scope = user.sourceScope();
        if (scope.isPresent() && !scope.get().containsAll(List.of(alert.sources))) {
            return Optional.empty();
        }
        return Optional.of(alert);
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
