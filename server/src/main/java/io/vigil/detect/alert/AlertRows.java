package io.vigil.detect.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The statements of a raise, set-based: they take any number of rules and groups (AlertService gives
 * them one at a time, each in its own transaction, so a hot group's lock is held briefly).
 */
final class AlertRows {

    /** Rules and groups of a raise: the key their open alerts are found by. */
    record Key(String ruleId, UUID groupId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Joins a list of sources into one text parameter (a source name has no control characters). */
    private static final String SEP = "\u0001";

    private final EntityManager db;

    AlertRows(EntityManager db) {
        this.db = db;
    }

    /** Each rule's suppression setting (its own, else its pack's); null where neither sets one. */
    Map<String, String> suppressions(Collection<String> ruleIds) {
        Map<String, String> set = new HashMap<>();
        for (Object row : db.createNativeQuery("""
                select r.id, coalesce(r.alert_suppression, p.alert_suppression) from detection_rule r
                left join rule_pack p on p.name = r.pack where r.id = any(?1)""")
                .setParameter(1, ruleIds.toArray(String[]::new)).getResultList()) {
            Object[] columns = (Object[]) row;
            set.put((String) columns[0], (String) columns[1]);
        }
        return set;
    }

    /**
     * Takes the transaction's advisory locks of the keys, in one order for every replica (so two raises
     * wait for each other, never deadlock), then reads their open alerts (through the partial index of
     * open alerts, whose predicate the query repeats word for word so the planner can use it).
     */
    Map<Key, List<Episode>> lockAndReadOpen(Collection<Key> keys) {
        Long[] locks = keys.stream().map(AlertRows::lockKey).distinct().sorted().toArray(Long[]::new);
        // a function scan of unnest calls the lock in the array's order
        db.createNativeQuery("select pg_advisory_xact_lock(k) from unnest(?1) as u(k)").setParameter(1, locks)
                .getResultList();
        Map<Key, List<Episode>> open = new HashMap<>();
        for (Object row : db.createNativeQuery("""
                select id, rule_id, group_id, (extract(epoch from first_event) * 1000)::bigint,
                    (extract(epoch from last_event) * 1000)::bigint, fired, events, array_to_string(sources, chr(1))
                from alert where state <> 'closed'
                    and (rule_id, group_id) in (select * from unnest(?1, ?2))""")
                .setParameter(1, keys.stream().map(Key::ruleId).toArray(String[]::new))
                .setParameter(2, keys.stream().map(Key::groupId).toArray(UUID[]::new)).getResultList()) {
            Object[] c = (Object[]) row;
            open.computeIfAbsent(new Key((String) c[1], (UUID) c[2]), k -> new ArrayList<>())
                    .add(new Episode((UUID) c[0], Instant.ofEpochMilli(((Number) c[3]).longValue()),
                            Instant.ofEpochMilli(((Number) c[4]).longValue()), ((Number) c[5]).intValue(),
                            ((Number) c[6]).intValue(), c[7] == null || c[7].toString().isEmpty()
                                    ? List.of()
                                    : Arrays.asList(c[7].toString().split(SEP))));
        }
        return open;
    }

    /** Inserts the new alerts, lists the events each takes, and writes every alert's raising side. */
    void write(Collection<Episode> touched) {
        List<Episode> fresh = touched.stream().filter(Episode::fresh).toList();
        if (!fresh.isEmpty()) {
            db.createNativeQuery("""
                    insert into alert (id, rule_id, rule_version, rule_title, rule_kind, group_id, group_values,
                        first_event, last_event, fired, events, sources, created, updated)
                    select x.id, x.rule, 0, '', '', x.g, x.gv::jsonb, now(), now(), 0, 0, '{}', now(), now()
                    from unnest(?1, ?2, ?3, ?4) as x(id, rule, g, gv)""")
                    .setParameter(1, fresh.stream().map(e -> e.id).toArray(UUID[]::new))
                    .setParameter(2, fresh.stream().map(e -> e.opening.ruleId()).toArray(String[]::new))
                    .setParameter(3, fresh.stream().map(e -> AlertService.groupId(e.opening)).toArray(UUID[]::new))
                    .setParameter(4, fresh.stream().map(e -> groupValues(e.opening)).toArray(String[]::new))
                    .executeUpdate();
        }
        Map<UUID, Integer> listed = listEvents(touched);
        List<Episode> all = List.copyOf(touched);
        db.createNativeQuery("""
                update alert a set rule_version = x.v, rule_title = x.t, rule_level = x.l, rule_kind = x.k,
                    first_event = to_timestamp(x.f / 1000.0), last_event = to_timestamp(x.la / 1000.0), fired = x.n,
                    events = a.events + x.e, sources = string_to_array(x.s, chr(1)), updated = now()
                from unnest(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) as x(id, v, t, l, k, f, la, n, e, s)
                where a.id = x.id""")
                .setParameter(1, all.stream().map(e -> e.id).toArray(UUID[]::new))
                .setParameter(2, all.stream().map(e -> e.naming.ruleVersion()).toArray(Integer[]::new))
                .setParameter(3, all.stream().map(e -> e.naming.title()).toArray(String[]::new))
                .setParameter(4, all.stream().map(e -> e.naming.level()).toArray(String[]::new))
                .setParameter(5, all.stream().map(e -> e.naming.kind()).toArray(String[]::new))
                .setParameter(6, all.stream().map(e -> e.first.toEpochMilli()).toArray(Long[]::new))
                .setParameter(7, all.stream().map(e -> e.last.toEpochMilli()).toArray(Long[]::new))
                .setParameter(8, all.stream().map(e -> e.fired).toArray(Integer[]::new))
                .setParameter(9, all.stream().map(e -> listed.getOrDefault(e.id, 0)).toArray(Integer[]::new))
                .setParameter(10, all.stream().map(e -> String.join(SEP, e.sources)).toArray(String[]::new))
                .executeUpdate();
    }

    /** Lists the events the alerts take, in one statement; returns how many each got that it lacked. */
    private Map<UUID, Integer> listEvents(Collection<Episode> touched) {
        List<UUID> alerts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Episode e : touched) {
            for (Raised.Event event : e.taken.values()) {
                alerts.add(e.id);
                ids.add(event.id());
                times.add(event.time().toEpochMilli());
                sources.add(event.source());
            }
        }
        Map<UUID, Integer> listed = new HashMap<>();
        if (alerts.isEmpty()) {
            return listed;
        }
        for (Object alert : db.createNativeQuery("""
                insert into alert_event (alert_id, event_id, event_time, source)
                select e.a, e.id, to_timestamp(e.ms / 1000.0), e.src from unnest(?1, ?2, ?3, ?4) as e(a, id, ms, src)
                on conflict do nothing returning alert_id""").setParameter(1, alerts.toArray(UUID[]::new))
                .setParameter(2, ids.toArray(String[]::new)).setParameter(3, times.toArray(Long[]::new))
                .setParameter(4, sources.toArray(String[]::new)).getResultList()) {
            listed.merge((UUID) alert, 1, Integer::sum);
        }
        return listed;
    }

    private static String groupValues(Raised raised) {
        try {
            return JSON.writeValueAsString(
                    raised.group().entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("group values not written", e);
        }
    }

    static long lockKey(Key key) {
        return key.ruleId().hashCode() * 31L + key.groupId().getMostSignificantBits();
    }
}
