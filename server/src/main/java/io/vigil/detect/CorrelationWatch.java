package io.vigil.detect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.detect.alert.AlertService;
import io.vigil.detect.alert.Raised;

/**
 * Nothing fails silently: a correlation rule that falls behind (its windows decided later than the
 * lateness allows) or sheds state (over {@code vigil.correlation.max-state}) raises an alert of the
 * system rule {@value #RULE_ID}, kind {@code health}, one per rule and problem while it lasts (alerts
 * fold repeats). Admins see these on the Admin page and can route them to a notification channel.
 */
@ApplicationScoped
public class CorrelationWatch {

    /** The rule id system alerts about correlation health carry. */
    public static final String RULE_ID = "vigil-correlation-health";

    private static final Logger LOG = Logger.getLogger(CorrelationWatch.class);

    private final AlertService alerts;
    private final CorrelationHealth health;
    private final Duration lateness;
    private final Duration behindAfter;
    private final Clock clock = Clock.systemUTC();
    /** Waiting rules in force (id → title), set whenever the correlations are reloaded. */
    private volatile Map<String, String> waitingRules = Map.of();

    CorrelationWatch(AlertService alerts, CorrelationHealth health,
            @ConfigProperty(name = "vigil.correlation.lateness", defaultValue = "15m") Duration lateness,
            @ConfigProperty(name = "vigil.correlation.behind-after", defaultValue = "5m") Duration behindAfter) {
        this.alerts = alerts;
        this.health = health;
        this.lateness = lateness;
        this.behindAfter = behindAfter;
    }

    void watching(Map<String, String> waiting) {
        this.waitingRules = Map.copyOf(waiting);
    }

    /** A rule gave up inputs over the state cap. */
    void shed(String ruleId, String title, long count, long cap) {
        raise(ruleId, title, "shed", "Correlation rule shed state: " + title,
                count + " inputs over the cap of " + cap);
    }

    @Scheduled(every = "${vigil.correlation.watch-every:1m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        try {
            check(waitingRules, clock.instant());
        } catch (RuntimeException e) {
            // PostgreSQL away: the settled times wait there too, and the check runs again
            LOG.debugf("correlation health not watched now: %s", e.getMessage());
        }
    }

    /**
     * Raises an alert for each waiting rule decided through a time further back than the lateness plus
     * {@code vigil.correlation.behind-after}; returns the rules behind.
     */
    List<String> check(Map<String, String> waiting, Instant now) {
        Map<String, Instant> settled = health.settledThrough(waiting.keySet());
        Instant due = now.minus(lateness).minus(behindAfter);
        List<String> behind = settled.entrySet().stream().filter(e -> e.getValue().isBefore(due))
                .map(Map.Entry::getKey).sorted().toList();
        for (String rule : behind) {
            long minutes = Duration.between(settled.get(rule), now.minus(lateness)).toMinutes();
            raise(rule, waiting.get(rule), "behind", "Correlation rule fell behind: " + waiting.get(rule),
                    "windows decided " + minutes + " min later than the lateness allows");
        }
        return behind;
    }

    private void raise(String ruleId, String title, String problem, String alertTitle, String detail) {
        LOG.warnf("correlation rule %s (%s): %s", ruleId, problem, detail);
        Map<String, String> group = new LinkedHashMap<>();
        group.put("rule.id", ruleId);
        group.put("problem", problem);
        Instant now = clock.instant();
        try {
            alerts.raise(List.of(new Raised(RULE_ID, 1, alertTitle, "high", "health", group, now, now, List.of(),
                    Set.of())));
        } catch (RuntimeException e) {
            LOG.warnf("the alert about correlation rule %s could not be raised now: %s", ruleId, e.getMessage());
        }
    }
}
