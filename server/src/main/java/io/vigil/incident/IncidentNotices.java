package io.vigil.incident;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vigil.detect.notify.Notices;

/**
 * What the notification channels hear about incidents: an assignment, alerts escalated into one, and an SLA
 * target missed. Notices are posted in the transaction of the change, so none goes out for a change that was
 * refused; a breach is found by every replica's watch each minute and announced once per incident and target
 * (table {@code incident_breach}).
 */
@ApplicationScoped
public class IncidentNotices {

    private static final Logger LOG = Logger.getLogger(IncidentNotices.class);

    private final Notices notices;
    private final EntityManager db;

    IncidentNotices(Notices notices, EntityManager db) {
        this.notices = notices;
        this.db = db;
    }

    void assigned(Incident incident, String by) {
        notices.post("incident_assigned", incident.severity, IncidentView.ref(incident.id) + " assigned to "
                + incident.assignee,
                incident.title + " (" + incident.severity + ", " + incident.state
                        + "), assigned by " + by,
                "/incidents/" + incident.id);
    }

    void escalated(Incident incident, int alerts, String by) {
        notices.post("incident_escalated", incident.severity, alerts + (alerts == 1 ? " alert" : " alerts")
                + " escalated into " + IncidentView.ref(incident.id),
                incident.title + " (" + incident.severity
                        + ", " + incident.state + "), escalated by " + by,
                "/incidents/" + incident.id);
    }

    @Scheduled(every = "${vigil.incidents.sla-watch:60s}", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        try {
            QuarkusTransaction.requiringNew().run(this::breaches);
        } catch (RuntimeException e) {
            LOG.warnf("SLA watch: this round stopped (%s); the next one goes on", e.getMessage());
        }
    }

    /** Announces each target missed by an open incident, once; answers how many were announced. */
    @Transactional(Transactional.TxType.MANDATORY)
    int breaches() {
        @SuppressWarnings("unchecked")
        List<Object[]> missed = db.createNativeQuery("""
                with due as (
                  select i.id, i.title, i.severity, 'acknowledge' as target, s.acknowledge_minutes as minutes
                  from incident i join incident_sla s on s.severity = i.severity
                  where i.acknowledged is null and i.state = 'new' and s.acknowledge_minutes > 0
                    and now() >= i.created + s.acknowledge_minutes * interval '1 minute'
                  union all
                  select i.id, i.title, i.severity, 'resolve', s.resolve_minutes
                  from incident i join incident_sla s on s.severity = i.severity
                  where i.state not in ('resolved', 'closed') and s.resolve_minutes > 0
                    and now() >= i.created + s.resolve_minutes * interval '1 minute')
                insert into incident_breach (incident_id, target, noticed)
                select id, target, now() from due on conflict do nothing
                returning incident_id, target""").getResultList();
        for (Object[] row : missed) {
            Incident incident = Incident.findById(((Number) row[0]).longValue());
            String target = (String) row[1];
            notices.post("incident_sla_breached", incident.severity, IncidentView.ref(incident.id) + " missed its "
                    + target + " target",
                    incident.title + " (" + incident.severity + ", " + incident.state
                            + ", opened " + incident.created + ", assignee " + (incident.assignee == null
                                    ? "nobody"
                                    : incident.assignee)
                            + ")",
                    "/incidents/" + incident.id);
        }
        return missed.size();
    }

}
