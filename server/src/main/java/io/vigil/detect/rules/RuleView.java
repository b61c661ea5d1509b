package io.vigil.detect.rules;

import java.time.Instant;

/**
 * A rule as the API shows it; {@code yaml} only where one rule is asked for. {@code enabled} is whether
 * detection runs it: its own switch ({@code ruleEnabled}) and its pack's ({@code packEnabled}) both on;
 * {@code hasData} whether events of its logsource came in lately (where the list asked).
 */
public record RuleView(String id, String pack, String kind, String title, String level, String status,
        boolean enabled, boolean ruleEnabled, boolean packEnabled, String disabledReason, int version,
        Instant updatedAt, String updatedBy, String yaml, boolean hasData) {

    static RuleView of(DetectionRule rule, boolean packEnabled, boolean withYaml) {
        return new RuleView(rule.id, rule.pack, rule.kind, rule.title, rule.level, rule.status,
                rule.enabled && packEnabled, rule.enabled, packEnabled, rule.disabledReason, rule.version,
                rule.updatedAt, rule.updatedBy, withYaml ? rule.yaml : null, true);
    }

    /** How severe, for sorting: 0 the most severe. */
    public int levelRank() {
        return io.vigil.event.Level.rank(level);
    }

    /**
     * The same rule, saying whether some event of its logsource came in lately. Only a detection rule can
     * lack data: filters and correlations apply to rules, not to a logsource of their own.
     */
    public RuleView withData(boolean data) {
        return new RuleView(id, pack, kind, title, level, status, enabled, ruleEnabled, packEnabled, disabledReason,
                version, updatedAt, updatedBy, yaml, data || !"rule".equals(kind));
    }
}
