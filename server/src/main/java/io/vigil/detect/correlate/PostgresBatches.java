package io.vigil.detect.correlate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The store's operations for every group of one rule in one pass, each a fixed number of statements
 * whatever the number of groups: a batch that touches hundreds of groups costs a few round trips, not
 * hundreds (the ingest path waits for them).
 */
final class PostgresBatches {

    private PostgresBatches() {
    }

    static Map<String, CorrelationStore.Added> addAll(Connection c, String rule,
            Map<String, List<CorrelationInput>> byGroup) throws SQLException {
        Map<UUID, String> keys = new HashMap<>();
        byGroup.keySet().forEach(key -> keys.put(GroupKeys.id(key), key));
        try (PreparedStatement known = c.prepareStatement("""
                insert into correlation_group (rule_id, group_id, group_key)
                select ?, g, k from unnest(?::uuid[], ?::text[]) as x(g, k) on conflict do nothing""")) {
            known.setString(1, rule);
            known.setArray(2, c.createArrayOf("uuid", keys.keySet().toArray()));
            known.setArray(3, c.createArrayOf("text", keys.values().toArray()));
            known.executeUpdate();
        }
        List<Object> groups = new ArrayList<>();
        List<Object> bases = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        List<Object> times = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Object> sources = new ArrayList<>();
        byGroup.forEach((key, inputs) -> {
            UUID id = GroupKeys.id(key);
            for (CorrelationInput in : inputs) {
                groups.add(id);
                bases.add(in.rule());
                ids.add(in.id());
                times.add(in.time());
                values.add(in.value() == null || in.value().length() <= PostgresCorrelationStore.MAX_VALUE
                        ? in.value()
                        : in.value().substring(0, PostgresCorrelationStore.MAX_VALUE));
                sources.add(in.source());
            }
        });
        Map<UUID, List<Long>> added = new HashMap<>();
        try (PreparedStatement insert = c.prepareStatement("""
                insert into correlation_input (rule_id, group_id, base, input_id, event_time, value, source)
                select ?, g, b, i, t, v, s
                from unnest(?::uuid[], ?::int[], ?::text[], ?::bigint[], ?::text[], ?::text[]) as x(g, b, i, t, v, s)
                on conflict do nothing
                returning group_id, event_time""")) {
            insert.setString(1, rule);
            insert.setArray(2, c.createArrayOf("uuid", groups.toArray()));
            insert.setArray(3, c.createArrayOf("int4", bases.toArray()));
            insert.setArray(4, c.createArrayOf("text", ids.toArray()));
            insert.setArray(5, c.createArrayOf("int8", times.toArray()));
            insert.setArray(6, c.createArrayOf("text", values.toArray()));
            insert.setArray(7, c.createArrayOf("text", sources.toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    added.computeIfAbsent(rs.getObject(1, UUID.class), g -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        Map<UUID, Long> settled = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select group_id, settled_through from correlation_group where rule_id = ? and group_id = any(?)""")) {
            s.setString(1, rule);
            s.setArray(2, c.createArrayOf("uuid", keys.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    settled.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        }
        Map<String, CorrelationStore.Added> result = new LinkedHashMap<>();
        byGroup.keySet().forEach(key -> {
            UUID id = GroupKeys.id(key);
            List<Long> kept = added.getOrDefault(id, List.of());
            long through = settled.getOrDefault(id, Long.MIN_VALUE);
            result.put(key, new CorrelationStore.Added(kept.size(), (int) kept.stream().filter(t -> t <= through)
                    .count()));
        });
        return result;
    }

    /**
     * Each interval is read through the (rule, group, base, time) index, which PostgreSQL skips along
     * over the few bases (one range per correlated rule). The {@code offset 0} keeps the lateral
     * subquery from being flattened into a plain join, which the generic plan of a prepared statement
     * makes a hash join over a scan of every rule's inputs, whatever the intervals.
     */
    static Map<String, List<CorrelationInput>> betweenAll(Connection c, String rule,
            Map<String, List<Interval>> ranges) throws SQLException {
        Map<UUID, String> keys = new HashMap<>();
        Map<String, List<CorrelationInput>> inputs = new LinkedHashMap<>();
        ranges.keySet().forEach(key -> {
            keys.put(GroupKeys.id(key), key);
            inputs.put(key, new ArrayList<>());
        });
        try (PreparedStatement s = c.prepareStatement("""
                select x.g, i.input_id, i.event_time, i.base, i.value, i.source
                from unnest(?::uuid[], ?::bigint[], ?::bigint[]) as x(g, f, t)
                cross join lateral (
                    select input_id, event_time, base, value, source from correlation_input
                    where rule_id = ? and group_id = x.g and event_time between x.f and x.t offset 0) i
                order by x.g, i.event_time, i.input_id, i.base""")) {
            intervals(c, s, ranges);
            s.setString(4, rule);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inputs.get(keys.get(rs.getObject(1, UUID.class))).add(new CorrelationInput(rs.getString(2),
                            rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return inputs;
    }

    /**
     * One probe per interval and correlated rule, through the (rule, group, base, time) index: whether the
     * rule has an input there. A hot group's thousands of inputs of one rule are not read to learn that
     * another rule has none. The {@code limit 1} keeps the probe a lateral subquery: as an {@code exists},
     * the generic plan became a merge join over every input of the rule.
     */
    static Map<String, List<Integer>> presentAll(Connection c, String rule, Map<String, List<Interval>> ranges,
            int bases) throws SQLException {
        int[] counts = new int[ranges.values().stream().mapToInt(List::size).sum()];
        try (PreparedStatement s = c.prepareStatement("""
                select x.n, count(*)
                from unnest(?::uuid[], ?::bigint[], ?::bigint[]) with ordinality as x(g, f, t, n)
                cross join generate_series(0, ? - 1) as b(base)
                cross join lateral (select 1 from correlation_input i where i.rule_id = ? and i.group_id = x.g
                    and i.base = b.base and i.event_time between x.f and x.t limit 1) p
                group by x.n""")) {
            intervals(c, s, ranges);
            s.setInt(4, bases);
            s.setString(5, rule);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts[(int) rs.getLong(1) - 1] = (int) rs.getLong(2);
                }
            }
        }
        Map<String, List<Integer>> present = new LinkedHashMap<>();
        int next = 0;
        for (var range : ranges.entrySet()) {
            List<Integer> inGroup = new ArrayList<>(range.getValue().size());
            for (int i = 0; i < range.getValue().size(); i++) {
                inGroup.add(counts[next++]);
            }
            present.put(range.getKey(), inGroup);
        }
        return present;
    }

    /** As {@link #betweenAll}, through the windows' key. */
    static Map<String, Set<Long>> firedAll(Connection c, String rule, Map<String, List<Interval>> ends)
            throws SQLException {
        Map<UUID, String> keys = new HashMap<>();
        Map<String, Set<Long>> fired = new LinkedHashMap<>();
        ends.keySet().forEach(key -> {
            keys.put(GroupKeys.id(key), key);
            fired.put(key, new HashSet<>());
        });
        try (PreparedStatement s = c.prepareStatement("""
                select x.g, w.window_end
                from unnest(?::uuid[], ?::bigint[], ?::bigint[]) as x(g, f, t)
                cross join lateral (
                    select window_end from correlation_window
                    where rule_id = ? and group_id = x.g and window_end between x.f and x.t offset 0) w""")) {
            intervals(c, s, ends);
            s.setString(4, rule);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fired.get(keys.get(rs.getObject(1, UUID.class))).add(rs.getLong(2));
                }
            }
        }
        return fired;
    }

    /** Sets parameters 1 to 3 to the groups' intervals as three arrays: group id, from, to. */
    private static void intervals(Connection c, PreparedStatement s, Map<String, List<Interval>> ranges)
            throws SQLException {
        List<Object> groups = new ArrayList<>();
        List<Object> froms = new ArrayList<>();
        List<Object> tos = new ArrayList<>();
        ranges.forEach((key, intervals) -> {
            UUID id = GroupKeys.id(key);
            for (Interval i : intervals) {
                groups.add(id);
                froms.add(i.from());
                tos.add(i.to());
            }
        });
        s.setArray(1, c.createArrayOf("uuid", groups.toArray()));
        s.setArray(2, c.createArrayOf("int8", froms.toArray()));
        s.setArray(3, c.createArrayOf("int8", tos.toArray()));
    }

    static Map<String, List<Window>> fireAll(Connection c, String rule, Map<String, List<Window>> byGroup)
            throws SQLException {
        List<Object> groups = new ArrayList<>();
        List<Object> ends = new ArrayList<>();
        List<Object> starts = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Object> sizes = new ArrayList<>();
        byGroup.forEach((key, windows) -> {
            UUID id = GroupKeys.id(key);
            for (Window w : windows) {
                groups.add(id);
                ends.add(w.end());
                starts.add(w.start());
                values.add(w.value());
                sizes.add(w.size());
            }
        });
        Map<String, List<Window>> fired = new LinkedHashMap<>();
        byGroup.keySet().forEach(key -> fired.put(key, new ArrayList<>()));
        if (groups.isEmpty()) {
            return fired;
        }
        Set<String> recorded = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                insert into correlation_window (rule_id, group_id, window_end, window_start, value, size)
                select ?, g, e, b, v, n from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::numeric[], ?::int[])
                    as x(g, e, b, v, n)
                on conflict do nothing
                returning group_id, window_end""")) {
            s.setString(1, rule);
            s.setArray(2, c.createArrayOf("uuid", groups.toArray()));
            s.setArray(3, c.createArrayOf("int8", ends.toArray()));
            s.setArray(4, c.createArrayOf("int8", starts.toArray()));
            s.setArray(5, c.createArrayOf("numeric", values.toArray(BigDecimal[]::new)));
            s.setArray(6, c.createArrayOf("int4", sizes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getObject(1, UUID.class) + "@" + rs.getLong(2));
                }
            }
        }
        byGroup.forEach((key, windows) -> {
            UUID id = GroupKeys.id(key);
            windows.stream().filter(w -> recorded.contains(id + "@" + w.end())).forEach(fired.get(key)::add);
        });
        return fired;
    }
}
