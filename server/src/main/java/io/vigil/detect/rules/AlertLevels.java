package io.vigil.detect.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.vigil.event.Level;

/**
 * Which findings raise alerts, set on a rule or on its pack: a level (findings at or above it alert) or
 * {@code never}; unset, the server's {@code vigil.alerts.level} for detection rules, and every window
 * for correlations. A change reloads detection, as any rule change does.
 */
@ApplicationScoped
public class AlertLevels {

    public static final String NEVER = "never";

    /** The choices the API and the page offer; "" is "as the pack (or the server) says". */
    public static final List<String> CHOICES = List.of("critical", "high", "medium", "low", "informational", NEVER);

    private final Event<RulesChanged> changed;

    AlertLevels(Event<RulesChanged> changed) {
        this.changed = changed;
    }

    /** A valid choice, or why not; null and "" clear it. */
    public static Optional<String> problem(String level) {
        return level == null || level.isEmpty() || CHOICES.contains(level)
                ? Optional.empty()
                : Optional.of("level: one of " + String.join(", ", CHOICES) + ", or null to inherit");
    }

    /** Sets a rule's alert level; false when there is no such rule. */
    @Transactional
    public boolean setForRule(String id, String level) {
        DetectionRule rule = DetectionRule.findById(id);
        if (rule == null) {
            return false;
        }
        rule.alertLevel = level == null || level.isEmpty() ? null : level;
        changed.fire(new RulesChanged("rule " + id + " alert level " + level));
        return true;
    }

    /** Sets a pack's alert level; false when there is no such pack. */
    @Transactional
    public boolean setForPack(String name, String level) {
        RulePack pack = RulePack.findById(name);
        if (pack == null) {
            return false;
        }
        pack.alertLevel = level == null || level.isEmpty() ? null : level;
        changed.fire(new RulesChanged("pack " + name + " alert level " + level));
        return true;
    }

    /** Every rule whose alert level is set on it or its pack: rule id to the level that applies. */
    @Transactional
    public Map<String, String> effective() {
        Map<String, String> levels = new HashMap<>();
        List<?> rows = DetectionRule.getEntityManager().createQuery("""
                select r.id, coalesce(r.alertLevel, p.alertLevel) from DetectionRule r, RulePack p
                where p.name = r.pack and (r.alertLevel is not null or p.alertLevel is not null)""").getResultList();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            levels.put((String) cells[0], (String) cells[1]);
        }
        return levels;
    }

    /**
     * Whether a finding or window of this level alerts under the rule's setting ({@code setting} null:
     * the default, {@code fallback}, where null means every level).
     */
    public static boolean alerts(String setting, Level level, Level fallback) {
        String applied = setting != null ? setting : fallback == null ? null : fallback.id();
        if (applied == null) {
            return true;
        }
        if (applied.equals(NEVER) || level == null) {
            return false;
        }
        return level.ordinal() <= Level.of(applied).orElseThrow().ordinal();
    }
}
