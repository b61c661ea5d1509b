package io.vigil.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.vigil.detect.correlate.CorrelationEngine.RuleCounts;

/**
 * What each correlation rule did, kept in PostgreSQL (table {@code correlation_health}) so every replica
 * adds to the same figures: inputs, windows fired, late inputs counted or dropped, matches without a
 * group-by value, state evicted, the newest event time seen and how far waiting windows are settled.
 * Nothing fails silently: the rule's page and the API show these beside the state it holds now.
 */
@ApplicationScoped
public class CorrelationHealth {

    private static final Logger LOG = Logger.getLogger(CorrelationHealth.class);

    /** A correlation rule's health as the page and the API show it. */
    public record View(boolean inForce, String notInForce, boolean rising, Duration timespan, long inputs,
            long fired, long lateCounted, long lateDropped, long ungrouped, long evicted, long shed,
            Instant newestInput,
            Instant settledThrough, Long lagSeconds, long stateInputs, long stateGroups, int waitingBatches) {
    }

    private final EntityManager db;

    CorrelationHealth(EntityManager db) {
        this.db = db;
    }

    /**
     * Adds a pass's counts, every rule's in one statement; figures are advisory, so a failure to write
     * them is only logged.
     */
    @Transactional
    void record(Map<String, RuleCounts> perRule) {
        if (perRule.isEmpty()) {
            return;
        }
        List<String> rules = List.copyOf(perRule.keySet());
        try {
            db.createNativeQuery("""
                    insert into correlation_health (rule_id, inputs, fired, late_counted, late_dropped, ungrouped,
                        newest_input, updated)
                    select r, i, f, lc, ld, u, n, now()
                    from unnest(?1, ?2, ?3, ?4, ?5, ?6, ?7) as x(r, i, f, lc, ld, u, n)
                    on conflict (rule_id) do update set inputs = correlation_health.inputs + excluded.inputs,
                        fired = correlation_health.fired + excluded.fired,
                        late_counted = correlation_health.late_counted + excluded.late_counted,
                        late_dropped = correlation_health.late_dropped + excluded.late_dropped,
                        ungrouped = correlation_health.ungrouped + excluded.ungrouped,
                        newest_input = greatest(correlation_health.newest_input, excluded.newest_input),
                        updated = now()""").setParameter(1, rules.toArray(String[]::new))
                    .setParameter(2, column(rules, perRule, RuleCounts::inputs))
                    .setParameter(3, column(rules, perRule, RuleCounts::fired))
                    .setParameter(4, column(rules, perRule, RuleCounts::lateCounted))
                    .setParameter(5, column(rules, perRule, RuleCounts::lateDropped))
                    .setParameter(6, column(rules, perRule, RuleCounts::ungrouped))
                    .setParameter(7, rules.stream().map(r -> perRule.get(r).newest())
                            .map(n -> n == Long.MIN_VALUE ? null : n).toArray(Long[]::new))
                    .executeUpdate();
        } catch (RuntimeException e) {
            LOG.debugf("correlation health not recorded: %s", e.getMessage());
        }
    }

    private static Long[] column(List<String> rules, Map<String, RuleCounts> perRule,
            ToLongFunction<RuleCounts> field) {
        return rules.stream().map(r -> field.applyAsLong(perRule.get(r))).toArray(Long[]::new);
    }

    /** Waiting rules whose windows up to {@code through} are decided. */
    @Transactional
    void settled(Collection<String> rules, long through) {
        for (String rule : rules) {
            db.createNativeQuery(
                    """
                            insert into correlation_health (rule_id, settled, updated) values (?1, ?2, now())
                            on conflict (rule_id) do update set settled = greatest(correlation_health.settled, excluded.settled),
                                updated = now()""")
                    .setParameter(1, rule).setParameter(2, through).executeUpdate();
        }
    }

    @Transactional
    void evicted(String rule, long count) {
        if (count > 0) {
            db.createNativeQuery("""
                    insert into correlation_health (rule_id, evicted, updated) values (?1, ?2, now())
                    on conflict (rule_id) do update set evicted = correlation_health.evicted + excluded.evicted,
                        updated = now()""").setParameter(1, rule).setParameter(2, count).executeUpdate();
        }
    }

    @Transactional
    void shed(String rule, long count) {
        db.createNativeQuery("""
                insert into correlation_health (rule_id, shed, updated) values (?1, ?2, now())
                on conflict (rule_id) do update set shed = correlation_health.shed + excluded.shed,
                    updated = now()""").setParameter(1, rule).setParameter(2, count).executeUpdate();
    }

    /** When each rule's windows are settled through (waiting rules that have settled at least once). */
    @Transactional
    Map<String, Instant> settledThrough(Collection<String> rules) {
        Map<String, Instant> settled = new java.util.HashMap<>();
        if (rules.isEmpty()) {
            return settled;
        }
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = db.createNativeQuery("""
                select rule_id, settled from correlation_health where rule_id = any(?1) and settled is not null""")
                .setParameter(1, rules.toArray(String[]::new)).getResultList();
        rows.forEach(row -> settled.put((String) row[0], instant(row[1])));
        return settled;
    }

    /** The figures of one rule, with whether it is in force (else why not) and the state it holds now. */
    @Transactional
    public View of(String ruleId, Optional<String> notInForce, boolean rising, Duration timespan,
            int waitingBatches) {
        Object[] row = (Object[]) db.createNativeQuery("""
                select coalesce(max(inputs), 0), coalesce(max(fired), 0), coalesce(max(late_counted), 0),
                    coalesce(max(late_dropped), 0), coalesce(max(ungrouped), 0), coalesce(max(evicted), 0),
                    max(newest_input), max(settled), coalesce(max(shed), 0),
                    (select count(*) from correlation_input where rule_id = ?1),
                    (select count(*) from correlation_group where rule_id = ?1)
                from correlation_health where rule_id = ?1""").setParameter(1, ruleId).getSingleResult();
        Instant newest = instant(row[6]);
        long shed = n(row[8]);
        Instant settled = instant(row[7]);
        Long lag = rising
                ? null
                : settled == null
                        ? null
                        : Math.max(0, Duration.between(settled, Instant.now()).toSeconds());
        return new View(notInForce.isEmpty(), notInForce.orElse(null), rising, timespan, n(row[0]), n(row[1]),
                n(row[2]), n(row[3]), n(row[4]), n(row[5]), shed, newest, settled, lag, n(row[9]), n(row[10]),
                waitingBatches);
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.ofEpochMilli(((Number) value).longValue());
    }
}
