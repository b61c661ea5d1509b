package io.vigil.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Targets per severity (minutes to acknowledge, minutes to resolve, table {@code incident_sla}) and where
 * an incident stands against them. An open target is about to breach when less than a quarter of it is
 * left; a reopened incident is measured again against its resolve target from its creation.
 */
@ApplicationScoped
public class Sla {

    /** The targets of one severity. */
    public record Target(String severity, int acknowledgeMinutes, int resolveMinutes) {
    }

    /**
     * Where an incident stands: the due times of the targets still open (null once met), and a flag,
     * {@code breached}, {@code soon} or empty, naming the target it is about ({@code acknowledge} or
     * {@code resolve}).
     */
    public record Status(Instant acknowledgeDue, Instant resolveDue, String flag, String target) {

        public boolean breached() {
            return "breached".equals(flag);
        }

        public boolean soon() {
            return "soon".equals(flag);
        }
    }

    private final EntityManager db;

    Sla(EntityManager db) {
        this.db = db;
    }

    /** Every severity's targets, most severe first. */
    @Transactional
    public Map<String, Target> targets() {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (String severity : Severity.IDS) {
            targets.put(severity, new Target(severity, 0, 0));
        }
        for (Object row : db
                .createNativeQuery("select severity, acknowledge_minutes, resolve_minutes from incident_sla")
                .getResultList()) {
            Object[] cells = (Object[]) row;
            targets.put((String) cells[0], new Target((String) cells[0], ((Number) cells[1]).intValue(),
                    ((Number) cells[2]).intValue()));
        }
        return targets;
    }

    /** Sets a severity's targets. */
    @Transactional
    public Target set(String severity, int acknowledge, int resolve) {
        db.createNativeQuery(
                """
                        insert into incident_sla values (?1, ?2, ?3) on conflict (severity)
                        do update set acknowledge_minutes = excluded.acknowledge_minutes, resolve_minutes = excluded.resolve_minutes""")
                .setParameter(1, severity).setParameter(2, acknowledge).setParameter(3, resolve).executeUpdate();
        return new Target(severity, acknowledge, resolve);
    }

    /** Where the incident stands at {@code now}; a target of 0 minutes is no target. */
    static Status of(Incident incident, Map<String, Target> targets, Instant now) {
        Target target = targets.getOrDefault(incident.severity, new Target(incident.severity, 0, 0));
        boolean open = incident.stateValue().open();
        Instant ackDue = incident.acknowledged == null && open && target.acknowledgeMinutes() > 0
                ? incident.created.plus(Duration.ofMinutes(target.acknowledgeMinutes()))
                : null;
        Instant resolveDue = open && target.resolveMinutes() > 0
                ? incident.created.plus(Duration.ofMinutes(target.resolveMinutes()))
                : null;
        String acknowledge = flag(ackDue, target.acknowledgeMinutes(), now);
        String resolve = flag(resolveDue, target.resolveMinutes(), now);
        if (acknowledge.equals("breached") || acknowledge.equals("soon") && !resolve.equals("breached")) {
            return new Status(ackDue, resolveDue, acknowledge, "acknowledge");
        }
        if (!resolve.isEmpty()) {
            return new Status(ackDue, resolveDue, resolve, "resolve");
        }
        return new Status(ackDue, resolveDue, "", "");
    }

    private static String flag(Instant due, int minutes, Instant now) {
        if (due == null) {
            return "";
        }
        if (!now.isBefore(due)) {
            return "breached";
        }
        return Duration.between(now, due).toSeconds() * 4 < minutes * 60L ? "soon" : "";
    }
}
