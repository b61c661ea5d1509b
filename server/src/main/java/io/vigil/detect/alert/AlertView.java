package io.vigil.detect.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An alert as the API and pages show it.
 *
 * @param count how many times the rule fired into the alert
 * @param events how many events are listed behind it
 * @param incident the incident it was escalated into, if any
 */
public record AlertView(UUID id, Rule rule, Map<String, String> group, Instant first, Instant last, int count,
        int events, String state, String closeReason, String assignee, List<String> sources, Instant created,
        Instant updated, String updatedBy, Long incident) {

    /** The rule that raised it: {@code kind} is {@code single} or the correlation type. */
    public record Rule(String id, String title, String level, int version, String kind) {
    }

    /** An event behind an alert. */
    public record Event(String id, Instant time, String source) {
    }

    /** One alert with the events behind it. */
    public record Detail(AlertView alert, List<Event> events) {
    }

    static AlertView of(Alert a) {
        Map<String, String> group = new LinkedHashMap<>();
        if (a.groupValues != null) {
            a.groupValues.forEach(pair -> group.put(pair.get(0), pair.get(1)));
        }
        return new AlertView(a.id, new Rule(a.ruleId, a.ruleTitle, a.ruleLevel, a.ruleVersion, a.ruleKind), group,
                a.firstEvent, a.lastEvent, a.fired, a.events, a.state, a.closeReason, a.assignee,
                List.of(a.sources), a.created, a.updated, a.updatedBy, a.incidentId);
    }
}
