package io.vigil.detect.rules;

import java.time.Instant;

/**
 * A rule as the API shows it; {@code yaml} only where one rule is asked for. {@code enabled} is whether
 * detection runs it: its own switch ({@code ruleEnabled}) and its pack's ({@code packEnabled}) both on.
 */
public record RuleView(String id, String pack, String kind, String title, String level, String status,
        boolean enabled, boolean ruleEnabled, boolean packEnabled, String disabledReason, int version,
        Instant updatedAt, String updatedBy, String yaml) {

    static RuleView of(DetectionRule rule, boolean packEnabled, boolean withYaml) {
        return new RuleView(rule.id, rule.pack, rule.kind, rule.title, rule.level, rule.status,
                rule.enabled && packEnabled, rule.enabled, packEnabled, rule.disabledReason, rule.version,
                rule.updatedAt, rule.updatedBy, withYaml ? rule.yaml : null);
    }
}
