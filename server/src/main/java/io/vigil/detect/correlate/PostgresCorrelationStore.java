package io.vigil.detect.correlate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Correlation state in PostgreSQL (V13), shared by every replica. Each call is its own statement(s) in
 * autocommit, so what one replica keeps is visible to the next reader at once; inserts ignore rows that
 * exist, so keeping an input or firing a window twice keeps it once (ADR 0020).
 */
@ApplicationScoped
public class PostgresCorrelationStore implements CorrelationStore {

    /** Aggregated values longer than this are cut: distinct counts of huge values stay bounded. */
    static final int MAX_VALUE = 1_000;

    private final DataSource db;

    PostgresCorrelationStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Added add(String rule, String group, List<CorrelationInput> inputs) {
        UUID id = GroupKeys.id(group);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement known = c.prepareStatement("""
                    insert into correlation_group (rule_id, group_id, group_key) values (?, ?, ?)
                    on conflict do nothing""")) {
                known.setString(1, rule);
                known.setObject(2, id);
                known.setString(3, group);
                known.executeUpdate();
            }
            int n = inputs.size();
            Integer[] bases = new Integer[n];
            String[] ids = new String[n];
            Long[] times = new Long[n];
            String[] values = new String[n];
            String[] sources = new String[n];
            for (int i = 0; i < n; i++) {
                CorrelationInput in = inputs.get(i);
                bases[i] = in.rule();
                ids[i] = in.id();
                times[i] = in.time();
                values[i] = in.value() == null || in.value().length() <= MAX_VALUE
                        ? in.value()
                        : in.value().substring(0, MAX_VALUE);
                sources[i] = in.source();
            }
            List<Long> added = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into correlation_input (rule_id, group_id, base, input_id, event_time, value, source)
                    select ?, ?, b, i, t, v, s from unnest(?::int[], ?::text[], ?::bigint[], ?::text[], ?::text[])
                        as x(b, i, t, v, s)
                    on conflict do nothing
                    returning event_time""")) {
                insert.setString(1, rule);
                insert.setObject(2, id);
                insert.setArray(3, c.createArrayOf("int4", bases));
                insert.setArray(4, c.createArrayOf("text", ids));
                insert.setArray(5, c.createArrayOf("int8", times));
                insert.setArray(6, c.createArrayOf("text", values));
                insert.setArray(7, c.createArrayOf("text", sources));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        added.add(rs.getLong(1));
                    }
                }
            }
            long settled = settled(c, rule, id);
            return new Added(added.size(), (int) added.stream().filter(t -> t <= settled).count());
        } catch (SQLException e) {
            throw new CorrelationStateException("keeping correlation inputs", e);
        }
    }

    private static long settled(Connection c, String rule, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select settled_through from correlation_group where rule_id = ? and group_id = ?")) {
            s.setString(1, rule);
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
            }
        }
    }

    @Override
    public Map<String, Added> addAll(String rule, Map<String, List<CorrelationInput>> byGroup) {
        if (byGroup.isEmpty()) {
            return Map.of();
        }
        try (Connection c = db.getConnection()) {
            return PostgresBatches.addAll(c, rule, byGroup);
        } catch (SQLException e) {
            throw new CorrelationStateException("keeping correlation inputs", e);
        }
    }

    @Override
    public Map<String, List<CorrelationInput>> betweenAll(String rule, Map<String, long[]> ranges) {
        if (ranges.isEmpty()) {
            return Map.of();
        }
        try (Connection c = db.getConnection()) {
            return PostgresBatches.betweenAll(c, rule, ranges);
        } catch (SQLException e) {
            throw new CorrelationStateException("reading correlation inputs", e);
        }
    }

    @Override
    public Map<String, List<Window>> fireAll(String rule, Map<String, List<Window>> byGroup) {
        try (Connection c = db.getConnection()) {
            return PostgresBatches.fireAll(c, rule, byGroup);
        } catch (SQLException e) {
            throw new CorrelationStateException("recording fired windows", e);
        }
    }

    @Override
    public List<CorrelationInput> between(String rule, String group, long from, long to) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                select input_id, event_time, base, value, source from correlation_input
                where rule_id = ? and group_id = ? and event_time between ? and ?
                order by event_time, input_id, base""")) {
            s.setString(1, rule);
            s.setObject(2, GroupKeys.id(group));
            s.setLong(3, from);
            s.setLong(4, to);
            List<CorrelationInput> inputs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inputs.add(new CorrelationInput(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return inputs;
        } catch (SQLException e) {
            throw new CorrelationStateException("reading correlation inputs", e);
        }
    }

    @Override
    public List<Window> fire(String rule, String group, List<Window> windows) {
        if (windows.isEmpty()) {
            return List.of();
        }
        int n = windows.size();
        Long[] ends = new Long[n];
        Long[] starts = new Long[n];
        BigDecimal[] values = new BigDecimal[n];
        Integer[] sizes = new Integer[n];
        for (int i = 0; i < n; i++) {
            ends[i] = windows.get(i).end();
            starts[i] = windows.get(i).start();
            values[i] = windows.get(i).value();
            sizes[i] = windows.get(i).size();
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into correlation_window (rule_id, group_id, window_end, window_start, value, size)
                select ?, ?, e, b, v, n from unnest(?::bigint[], ?::bigint[], ?::numeric[], ?::int[]) as x(e, b, v, n)
                on conflict do nothing
                returning window_end""")) {
            s.setString(1, rule);
            s.setObject(2, GroupKeys.id(group));
            s.setArray(3, c.createArrayOf("int8", ends));
            s.setArray(4, c.createArrayOf("int8", starts));
            s.setArray(5, c.createArrayOf("numeric", values));
            s.setArray(6, c.createArrayOf("int4", sizes));
            Set<Long> fired = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fired.add(rs.getLong(1));
                }
            }
            return windows.stream().filter(w -> fired.contains(w.end())).toList();
        } catch (SQLException e) {
            throw new CorrelationStateException("recording fired windows", e);
        }
    }

    @Override
    public List<Pending> pending(String rule, long through, int limit) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                select g.group_key, g.settled_through, min(i.event_time)
                from correlation_group g
                join correlation_input i on i.rule_id = g.rule_id and i.group_id = g.group_id
                    and i.event_time > g.settled_through and i.event_time <= ?
                where g.rule_id = ?
                group by g.group_key, g.settled_through
                limit ?""")) {
            s.setLong(1, through);
            s.setString(2, rule);
            s.setInt(3, limit);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pending.add(new Pending(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new CorrelationStateException("finding groups to settle", e);
        }
    }

    @Override
    public void settle(String rule, String group, long through) {
        update("""
                update correlation_group set settled_through = greatest(settled_through, ?)
                where rule_id = ? and group_id = ?""", through, rule, GroupKeys.id(group));
    }

    @Override
    public long evict(String rule, long before) {
        return update("delete from correlation_input where rule_id = ? and event_time < ?", rule, before);
    }

    @Override
    public long shed(String rule, long keep) {
        // the newest `keep` inputs stay; the index on (rule_id, event_time) finds the cut without a sort
        return update("""
                delete from correlation_input where rule_id = ? and event_time < (
                    select event_time from correlation_input where rule_id = ?
                    order by event_time desc offset ? limit 1)""", rule, rule, keep) + update("""
                delete from correlation_input i using (
                    select group_id, base, input_id from correlation_input where rule_id = ?
                    order by event_time desc, group_id, base, input_id offset ?) extra
                where i.rule_id = ? and i.group_id = extra.group_id and i.base = extra.base
                    and i.input_id = extra.input_id""", rule, keep, rule);
    }

    private long update(String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeLargeUpdate();
        } catch (SQLException e) {
            throw new CorrelationStateException("updating correlation state", e);
        }
    }
}
