package io.vigil.detect.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns firings into alerts: the open alert (not closed) of the same rule and group whose events
 * are within the suppression window of the firing's takes it — its count, last event and event list grow
 * — else a new alert starts. Replicas raising for one rule and group at once take turns on a
 * transaction-scoped advisory lock, so they never open two alerts for one episode.
 */
@ApplicationScoped
public class AlertService {

    /** The most events listed behind one alert; its count of firings goes on. */
    static final int MAX_EVENTS = 10_000;

    private final EntityManager db;
    private final Duration suppression;

    AlertService(EntityManager db,
            @ConfigProperty(name = "vigil.alerts.suppression", defaultValue = "1h") Duration suppression) {
        this.db = db;
        this.suppression = suppression;
    }

    /**
     * Raises each firing in a transaction of its own, those of one rule and group folded first; returns
     * the alerts' ids (new or updated), one per folded firing.
     */
    public List<UUID> raise(List<Raised> firings) {
        List<Raised> folded = firings.size() < 2
                ? firings
                : Firings.fold(firings, rule -> QuarkusTransaction.requiringNew().call(() -> suppressionOf(rule)));
        List<UUID> ids = new ArrayList<>(folded.size());
        for (Raised raised : folded) {
            ids.add(QuarkusTransaction.requiringNew().call(() -> raiseOne(raised)));
        }
        return ids;
    }

    private UUID raiseOne(Raised raised) {
        UUID group = groupId(raised);
        db.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, lockKey(raised.ruleId(), group))
                .getSingleResult();
        Instant now = Instant.now();
        Duration suppression = suppressionOf(raised.ruleId());
        List<Alert> open = Alert.<Alert>find(
                "ruleId = ?1 and groupId = ?2 and state in ('new', 'acknowledged', 'escalated')"
                        + " and lastEvent >= ?3 and firstEvent <= ?4 order by lastEvent desc",
                raised.ruleId(), group,
                raised.first().minus(suppression), raised.last().plus(suppression)).page(0, 1).list();
        Alert alert;
        if (open.isEmpty()) {
            alert = new Alert();
            alert.id = UUID.randomUUID();
            alert.ruleId = raised.ruleId();
            alert.groupId = group;
            alert.groupValues = raised.group().entrySet().stream().map(e -> List.of(e.getKey(), e.getValue()))
                    .toList();
            alert.firstEvent = raised.first();
            alert.lastEvent = raised.last();
            alert.fired = raised.firings();
            alert.state = AlertState.NEW.id();
            alert.sources = new TreeSet<>(raised.sources()).toArray(String[]::new);
            alert.created = now;
        } else {
            alert = open.get(0);
            alert.fired += raised.firings();
            alert.firstEvent = raised.first().isBefore(alert.firstEvent) ? raised.first() : alert.firstEvent;
            alert.lastEvent = raised.last().isAfter(alert.lastEvent) ? raised.last() : alert.lastEvent;
            TreeSet<String> sources = new TreeSet<>(List.of(alert.sources));
            sources.addAll(raised.sources());
            alert.sources = sources.toArray(String[]::new);
        }
        // the newest version of the rule names the alert
        alert.ruleVersion = raised.ruleVersion();
        alert.ruleTitle = raised.title();
        alert.ruleLevel = raised.level();
        alert.ruleKind = raised.kind();
        alert.updated = now;
        if (open.isEmpty()) {
            alert.persist();
        }
        db.flush();
        alert.events += addEvents(alert, raised.events());
        return alert.id;
    }

    /** Lists the events behind the alert, up to its cap, in one statement (a window brings up to 100). */
    private int addEvents(Alert alert, List<Raised.Event> events) {
        int room = MAX_EVENTS - alert.events;
        if (room <= 0 || events.isEmpty()) {
            return 0;
        }
        List<Raised.Event> taken = events.subList(0, Math.min(room, events.size()));
        return db.createNativeQuery("""
                insert into alert_event (alert_id, event_id, event_time, source)
                select ?1, e.id, to_timestamp(e.ms / 1000.0), e.src from unnest(?2, ?3, ?4) as e(id, ms, src)
                on conflict do nothing""").setParameter(1, alert.id)
                .setParameter(2, taken.stream().map(Raised.Event::id).toArray(String[]::new))
                .setParameter(3, taken.stream().map(e -> e.time().toEpochMilli()).toArray(Long[]::new))
                .setParameter(4, taken.stream().map(Raised.Event::source).toArray(String[]::new)).executeUpdate();
    }

    /** The rule's suppression window, else its pack's, else the server's (read now: a change holds at once). */
    private Duration suppressionOf(String ruleId) {
        @SuppressWarnings("unchecked")
        List<String> set = db.createNativeQuery("""
                select coalesce(r.alert_suppression, p.alert_suppression) from detection_rule r
                left join rule_pack p on p.name = r.pack where r.id = ?1""").setParameter(1, ruleId).getResultList();
        return set.isEmpty() || set.get(0) == null ? suppression : Suppression.parse(set.get(0)).orElse(suppression);
    }

    static UUID groupId(Raised raised) {
        StringBuilder key = new StringBuilder();
        raised.group().forEach((field, value) -> key.append(field).append('\u0000').append(value).append('\u0000'));
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static long lockKey(String ruleId, UUID group) {
        return ruleId.hashCode() * 31L + group.getMostSignificantBits();
    }
}
