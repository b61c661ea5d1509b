package io.vigil.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.detect.match.EventContext;
import io.vigil.detect.match.EventFields;
import io.vigil.detect.match.RuleSet;

/**
 * Keeps one rule from stalling ingest. Checking an event with every rule normally takes microseconds;
 * when it takes longer than the rule timeout, the event is checked again rule by rule with a clock, and
 * each rule over the timeout gets a strike. A rule with enough strikes is reported for disabling with
 * the reason (how long, on which event), which the rule pages show. Strikes (within ten minutes) rather
 * than one slow check, because a garbage-collection pause on a busy machine can make any single check
 * look slow.
 *
 * <p>Thread-safe. Cheap when nothing is slow: one clock read per event, done by the caller.
 */
final class SlowRuleGuard {

    /** A rule to disable: its key in the rule set and why. */
    record Verdict(String key, String reason) {
    }

    /** Strikes count within this window from the first: isolated slow checks months apart do not add up. */
    static final long WINDOW_NANOS = Duration.ofMinutes(10).toNanos();

    /** A rule's strikes since {@code since} (System.nanoTime). */
    private record Strikes(int count, long since) {
    }

    private final long timeoutNanos;
    private final int strikes;
    private final Map<String, Strikes> counted = new ConcurrentHashMap<>();

    SlowRuleGuard(Duration timeout, int strikes) {
        this.timeoutNanos = timeout.toNanos();
        this.strikes = Math.max(1, strikes);
    }

    /** Whether an event's whole check took long enough to look for the rule responsible. */
    boolean overBudget(long nanos) {
        return nanos > timeoutNanos;
    }

    /**
     * Times each rule on the event in each context; returns the rules that have now reached their
     * strikes (each once: the caller disables them, and a disabled rule is not checked again).
     */
    List<Verdict> examine(RuleSet set, EventFields fields, List<EventContext> contexts, String eventId) {
        List<Verdict> verdicts = new ArrayList<>(1);
        for (EventContext context : contexts) {
            set.timeEach(fields, context, (key, matched, nanos) -> {
                if (nanos > timeoutNanos && strike(key) == strikes) {
                    verdicts.add(new Verdict(key, String.format(Locale.ROOT,
                            "its check took %d ms on event %s, over the %d ms rule timeout (%d times)",
                            nanos / 1_000_000, eventId, timeoutNanos / 1_000_000, strikes)));
                }
            });
        }
        return verdicts;
    }

    private int strike(String key) {
        long now = System.nanoTime();
        return counted.compute(key, (k, old) -> old == null || now - old.since() > WINDOW_NANOS
                ? new Strikes(1, now)
                : new Strikes(old.count() + 1, old.since())).count();
    }

    /** Forgets a rule's strikes (it was disabled). */
    void forget(String key) {
        counted.remove(key);
    }

    /** Forgets every strike: the rule set was reloaded (rules changed, were enabled again). */
    void reset() {
        counted.clear();
    }
}
