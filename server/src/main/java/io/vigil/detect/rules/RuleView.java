package io.vigil.detect.rules;

import java.time.Instant;

/** A rule as the API shows it; {@code yaml} only where one rule is asked for. */
public record RuleView(String id, String pack, String kind, String title, String level, String status,
        boolean enabled, String disabledReason, int version, Instant updatedAt, String updatedBy, String yaml) {

    static RuleView of(DetectionRule rule, boolean withYaml) {
        return new RuleView(rule.id, rule.pack, rule.kind, rule.title, rule.level, rule.status, rule.enabled,
                rule.disabledReason, rule.version, rule.updatedAt, rule.updatedBy, withYaml ? rule.yaml : null);
    }
}
