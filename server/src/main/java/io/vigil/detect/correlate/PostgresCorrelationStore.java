package io.vigil.detect.correlate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** One group: the batch statements with a single group (the engine itself asks for all groups at once). */
    @Override
    public Added add(String rule, String group, List<CorrelationInput> inputs) {
        return addAll(rule, Map.of(group, inputs)).get(group);
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
    public Map<String, List<CorrelationInput>> betweenAll(String rule, Map<String, List<Interval>> ranges) {
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
    public Map<String, List<Integer>> presentAll(String rule, Map<String, List<Interval>> ranges, int bases) {
        if (ranges.isEmpty()) {
            return Map.of();
        }
        try (Connection c = db.getConnection()) {
            return PostgresBatches.presentAll(c, rule, ranges, bases);
        } catch (SQLException e) {
            throw new CorrelationStateException("reading correlation inputs", e);
        }
    }

    @Override
    public Map<String, Set<Long>> firedAll(String rule, Map<String, List<Interval>> ends) {
        if (ends.isEmpty()) {
            return Map.of();
        }
        try (Connection c = db.getConnection()) {
            return PostgresBatches.firedAll(c, rule, ends);
        } catch (SQLException e) {
            throw new CorrelationStateException("reading fired windows", e);
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
        return betweenAll(rule, Map.of(group, List.of(new Interval(from, to)))).get(group);
    }

    @Override
    public Set<Long> fired(String rule, String group, long from, long to) {
        return firedAll(rule, Map.of(group, List.of(new Interval(from, to)))).get(group);
    }

    @Override
    public List<Window> fire(String rule, String group, List<Window> windows) {
        return windows.isEmpty() ? List.of() : fireAll(rule, Map.of(group, windows)).get(group);
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
