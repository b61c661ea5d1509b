package io.vigil.detect;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.detect.alert.AlertService;
import io.vigil.detect.alert.Raised;
import io.vigil.detect.correlate.CorrelationEngine;
import io.vigil.detect.correlate.CorrelationEngine.Fired;
import io.vigil.detect.correlate.CorrelationEngine.Match;
import io.vigil.detect.correlate.CorrelationSet;
import io.vigil.detect.correlate.CorrelationStateException;
import io.vigil.detect.correlate.PostgresCorrelationStore;
import io.vigil.detect.rules.AlertLevels;
import io.vigil.detect.rules.RuleService;
import io.vigil.detect.sigma.SigmaCorrelation;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.event.Level;

/**
 * Runs the correlation rules in force (ADR 0020) on what detection matched: each ingest batch's matches
 * of correlated rules once the batch is stored, waiting rules' windows as they close (every few seconds),
 * and old state out. Fired windows become alerts. While PostgreSQL is away the matches wait here, in
 * order, and are correlated when it is back.
 */
@ApplicationScoped
public class Correlator {

    private static final Logger LOG = Logger.getLogger(Correlator.class);
    /** Batches of matches kept while PostgreSQL is away; beyond, the oldest are given up (and logged). */
    private static final int MAX_WAITING = 10_000;
    private static final SigmaParser PARSER = new SigmaParser();
    private static final long PAUSE_MILLIS = 10_000;

    /** The correlations in force and, per correlated rule, the fields its matches must carry. */
    private record InForce(CorrelationSet set, Map<String, Set<String>> fields, Map<String, Integer> versions) {
    }

    private final CorrelationEngine engine;
    private final PostgresCorrelationStore store;
    private final AlertService alerts;
    private final CorrelationHealth health;
    private final CorrelationWatch watch;
    private final Duration lateness;
    private final long maxState;
    private final Clock clock = Clock.systemUTC();
    private final Deque<List<Match>> waiting = new ArrayDeque<>();
    private final Deque<Raised> unraised = new ArrayDeque<>();
    private volatile long pausedUntil;
    private volatile Map<String, String> alertLevels = Map.of();
    private volatile InForce inForce = new InForce(CorrelationSet.EMPTY, Map.of(), Map.of());

    Correlator(PostgresCorrelationStore store, AlertService alerts, CorrelationHealth health, CorrelationWatch watch,
            @ConfigProperty(name = "vigil.correlation.lateness", defaultValue = "15m") Duration lateness,
            @ConfigProperty(name = "vigil.correlation.max-state", defaultValue = "1000000") long maxState) {
        this.store = store;
        this.alerts = alerts;
        this.health = health;
        this.watch = watch;
        this.lateness = lateness;
        this.maxState = maxState;
        this.engine = new CorrelationEngine(store, lateness);
    }

    /**
     * Compiles the enabled correlation rules against the detection rules in force (references by id or
     * name) and runs them from now on; detection calls this whenever it reloads the rules.
     */
    void reload(List<RuleService.StoredRule> correlations, Map<String, String> detectionRules,
            Map<String, String> alertLevels) {
        this.alertLevels = Map.copyOf(alertLevels);
        Map<String, SigmaCorrelation> rules = new LinkedHashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        for (var stored : correlations) {
            if (PARSER.parseOne(stored.yaml()) instanceof SigmaResult.Correlation c) {
                rules.put(stored.id(), c.correlation());
                versions.put(stored.id(), stored.version());
            }
        }
        load(CorrelationSet.of(rules, reference -> Optional.ofNullable(detectionRules.get(reference))), versions);
    }

    private void load(CorrelationSet set, Map<String, Integer> versions) {
        Map<String, Set<String>> fields = new HashMap<>();
        for (var c : set.order()) {
            SigmaCorrelation rule = c.rule();
            for (int i = 0; i < c.ruleIds().size(); i++) {
                Set<String> needed = fields.computeIfAbsent(c.ruleIds().get(i), k -> new HashSet<>());
                for (String g : rule.groupBy()) {
                    needed.add(rule.fieldFor(g, rule.rules().get(i)));
                }
                needed.addAll(rule.fields());
            }
        }
        inForce = new InForce(set, Map.copyOf(fields), Map.copyOf(versions));
        Map<String, String> waitingRules = new HashMap<>();
        set.order().stream().filter(c -> !c.rule().rising())
                .forEach(c -> waitingRules.put(c.id(), c.rule().title() == null ? c.id() : c.rule().title()));
        watch.watching(waitingRules);
        set.refused().forEach(r -> LOG.warnf("correlation %s not in force: %s (%s, at %s)", r.id(), r.message(),
                r.feature(), r.path()));
    }

    /** The fields a match of this rule must carry, or null when no correlation uses the rule. */
    Set<String> fieldsFor(String ruleId) {
        return inForce.fields().get(ruleId);
    }

    CorrelationSet set() {
        return inForce.set();
    }

    /** Why a stored correlation rule is not running, if it is not (refused, or not enabled). */
    Optional<String> notInForce(String ruleId) {
        var set = inForce.set();
        if (set.order().stream().anyMatch(c -> c.id().equals(ruleId))) {
            return Optional.empty();
        }
        return Optional.of(set.refused().stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .map(r -> r.message() + " (" + r.feature() + ", at " + r.path() + ")")
                .orElse("not enabled, or its pack is not"));
    }

    /** How many batches of matches wait for PostgreSQL. */
    int waitingBatches() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    /** Correlates a stored batch's matches; alerts for the windows they complete. */
    void accept(List<Match> matches) {
        if (matches.isEmpty()) {
            return;
        }
        synchronized (waiting) {
            // in order: while earlier matches wait (or PostgreSQL just failed), these wait behind them
            if (!waiting.isEmpty() || clock.millis() < pausedUntil) {
                keep(matches);
                return;
            }
        }
        try {
            raise(engine.accept(inForce.set(), matches, clock.millis()));
        } catch (CorrelationStateException e) {
            if (!Outages.isOutage(e)) {
                LOG.errorf(e, "correlation failed on %d matches", matches.size());
                return;
            }
            LOG.warnf("correlation state unavailable (%s): %d matches wait for PostgreSQL", e.getMessage(),
                    matches.size());
            pause();
            keep(matches);
        }
    }

    /**
     * After a failure, ingest stops trying PostgreSQL for a while (each try could wait for a connection)
     * and leaves the retries to the settling job.
     */
    private void pause() {
        pausedUntil = clock.millis() + PAUSE_MILLIS;
    }

    private void keep(List<Match> matches) {
        synchronized (waiting) {
            waiting.addLast(matches);
            if (waiting.size() > MAX_WAITING) {
                LOG.errorf("correlation: %d batches of matches waited too long for PostgreSQL; the oldest is"
                        + " given up", waiting.size());
                waiting.removeFirst();
            }
        }
    }

    /** Correlates what waited, then settles the windows that closed. */
    @Scheduled(every = "${vigil.correlation.settle-every:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settle() {
        pausedUntil = 0;
        raiseWaiting();
        InForce current = inForce;
        if (current.set().isEmpty() && waiting.isEmpty()) {
            return;
        }
        try {
            while (true) {
                List<Match> next;
                synchronized (waiting) {
                    next = waiting.peekFirst();
                }
                if (next == null) {
                    break;
                }
                try {
                    raise(engine.accept(current.set(), next, clock.millis()));
                } catch (CorrelationStateException e) {
                    if (Outages.isOutage(e)) {
                        throw e;
                    }
                    LOG.errorf(e, "correlation failed on %d waiting matches", next.size());
                }
                synchronized (waiting) {
                    waiting.pollFirst();
                }
            }
            long now = clock.millis();
            raise(engine.settle(current.set(), now));
            health.settled(current.set().order().stream().filter(c -> !c.rule().rising()).map(c -> c.id())
                    .toList(), now - lateness.toMillis());
        } catch (CorrelationStateException e) {
            LOG.debugf("correlation not settled now: %s", e.getMessage());
        }
    }

    /**
     * Forgets inputs no open window can reach: older than the rule's timespan plus the lateness. A rule
     * that still holds more than {@code vigil.correlation.max-state} inputs (a flood of distinct groups)
     * sheds its oldest, counted on its health and raised to admins.
     */
    @Scheduled(every = "${vigil.correlation.evict-every:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evict() {
        long now = clock.millis();
        for (var c : inForce.set().order()) {
            try {
                health.evicted(c.id(), store.evict(c.id(), now - lateness.toMillis()
                        - 2 * c.rule().timespan().toMillis()));
                long shed = store.shed(c.id(), maxState);
                if (shed > 0) {
                    health.shed(c.id(), shed);
                    watch.shed(c.id(), c.rule().title() == null ? c.id() : c.rule().title(), shed, maxState);
                }
            } catch (CorrelationStateException e) {
                LOG.debugf("correlation state not trimmed now: %s", e.getMessage());
                return;
            }
        }
    }

    /** Raises the alerts of single-rule findings (detection calls this once a batch is stored). */
    void raiseAlerts(List<Raised> raised) {
        if (raised.isEmpty()) {
            return;
        }
        try {
            if (clock.millis() < pausedUntil) {
                throw new IllegalStateException("PostgreSQL failed moments ago");
            }
            alerts.raise(raised);
        } catch (RuntimeException e) {
            if (!Outages.isOutage(e)) {
                LOG.errorf(e, "alerts could not be raised for %d firings", raised.size());
                return;
            }
            pause();
            // PostgreSQL away: the firing is kept and raised when it is back (a window fires only once)
            LOG.warnf("alerts not raised now (%s): %d wait", e.getMessage(), raised.size());
            synchronized (unraised) {
                unraised.addAll(raised);
                while (unraised.size() > MAX_WAITING * 10) {
                    unraised.removeFirst();
                }
            }
        }
    }

    private void raiseWaiting() {
        List<Raised> again;
        synchronized (unraised) {
            again = List.copyOf(unraised);
            unraised.clear();
        }
        raiseAlerts(again);
    }

    private void raise(CorrelationEngine.Outcome outcome) {
        health.record(outcome.perRule());
        List<Fired> fired = outcome.fired();
        if (fired.isEmpty()) {
            return;
        }
        List<Raised> raised = new ArrayList<>(fired.size());
        for (Fired f : fired) {
            Level level = CorrelationAlerts.level(f.correlation().rule());
            // a correlation alerts on every window unless its rule or pack says otherwise
            if (AlertLevels.alerts(alertLevels.get(f.correlation().id()), level, null)) {
                raised.add(CorrelationAlerts.of(f, inForce.versions().getOrDefault(f.correlation().id(), 1), level));
            }
        }
        raiseAlerts(raised);
    }
}
