package io.vigil.detect.rules;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.vigil.detect.alert.Suppression;

/**
 * How long an alert stays the one a rule's firings for the same group extend: set on a rule or on its
 * pack ({@code 30m}, {@code 2h}, {@code 1d}), else the server's {@code vigil.alerts.suppression}. Alerts
 * read the setting when they are raised, so a change holds at once on every replica.
 */
@ApplicationScoped
public class AlertSuppression {

    /** A valid setting, or why not; null and "" clear it. */
    public static Optional<String> problem(String suppression) {
        return suppression == null || suppression.isEmpty() || Suppression.parse(suppression).isPresent()
                ? Optional.empty()
                : Optional.of("suppression: a whole number and s, m, h or d from 1m to 30d (for example 30m), "
                        + "or null to inherit");
    }

    /** Sets a rule's suppression window; false when there is no such rule. */
    @Transactional
    public boolean setForRule(String id, String suppression) {
        DetectionRule rule = DetectionRule.findById(id);
        if (rule == null) {
            return false;
        }
        rule.alertSuppression = blankToNull(suppression);
        return true;
    }

    /** Sets a pack's suppression window; false when there is no such pack. */
    @Transactional
    public boolean setForPack(String name, String suppression) {
        RulePack pack = RulePack.findById(name);
        if (pack == null) {
            return false;
        }
        pack.alertSuppression = blankToNull(suppression);
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
