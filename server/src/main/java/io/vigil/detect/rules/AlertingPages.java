package io.vigil.detect.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;

/**
 * The rule page's Alerting panel: which findings of the rule raise alerts and how long an alert takes
 * its repeats, as set on the rule, on its pack, or by the server; engineers change the rule's own.
 */
@Path("/rules/{id}/alerting")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AlertingPages {

    /** What applies to a rule, and where each setting comes from. */
    public record Alerting(String ruleId, String kind, String ruleLevel, String packLevel, String defaultLevel,
            String ruleSuppression, String packSuppression, String defaultSuppression) {

        public String level() {
            return ruleLevel != null ? ruleLevel : packLevel != null ? packLevel : defaultLevel;
        }

        public String suppression() {
            return ruleSuppression != null
                    ? ruleSuppression
                    : packSuppression != null
                            ? packSuppression
                            : defaultSuppression;
        }
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance alerting(Alerting alerting, List<String> choices, boolean canWrite,
                List<String> problems, boolean saved);
    }

    private final AlertLevels levels;
    private final AlertSuppression suppression;
    private final CurrentUser currentUser;
    private final String defaultLevel;
    private final Duration defaultSuppression;

    AlertingPages(AlertLevels levels, AlertSuppression suppression, CurrentUser currentUser,
            @ConfigProperty(name = "vigil.alerts.level", defaultValue = "high") String defaultLevel,
            @ConfigProperty(name = "vigil.alerts.suppression", defaultValue = "1h") Duration defaultSuppression) {
        this.levels = levels;
        this.suppression = suppression;
        this.currentUser = currentUser;
        this.defaultLevel = defaultLevel;
        this.defaultSuppression = defaultSuppression;
    }

    @GET
    @PermissionsAllowed(Permission.Names.RULES_READ)
    public TemplateInstance panel(@PathParam("id") String id) {
        return page(id, List.of(), false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    public TemplateInstance save(@PathParam("id") String id, @FormParam("level") String level,
            @FormParam("suppression") String window) {
        List<String> problems = new ArrayList<>();
        AlertLevels.problem(level).ifPresent(problems::add);
        AlertSuppression.problem(window == null ? null : window.trim()).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return page(id, problems, false);
        }
        if (!levels.setForRule(id, level) || !suppression.setForRule(id, window)) {
            throw new NotFoundException("no rule with id " + id);
        }
        return page(id, List.of(), true);
    }

    private TemplateInstance page(String id, List<String> problems, boolean saved) {
        DetectionRule rule = DetectionRule.findById(id);
        if (rule == null) {
            throw new NotFoundException("no rule with id " + id);
        }
        RulePack pack = RulePack.findById(rule.pack);
        boolean correlation = !"rule".equals(rule.kind);
        var alerting = new Alerting(id, rule.kind, rule.alertLevel, pack == null ? null : pack.alertLevel,
                correlation ? null : defaultLevel, rule.alertSuppression, pack == null ? null : pack.alertSuppression,
                Durations.text(defaultSuppression));
        return Templates.alerting(alerting, AlertLevels.CHOICES, currentUser.user().can(Permission.RULES_WRITE),
                problems, saved);
    }

    /** {@code 1h}, {@code 30m}: a duration as settings write it. */
    static final class Durations {

        private Durations() {
        }

        static String text(Duration d) {
            if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
                return d.toDays() + "d";
            }
            if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
                return d.toHours() + "h";
            }
            if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
                return d.toMinutes() + "m";
            }
            return d.toSeconds() + "s";
        }
    }
}
