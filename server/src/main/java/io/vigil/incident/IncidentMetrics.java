package io.vigil.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.vigil.store.Columns;

/**
 * MTTA and MTTR per period and severity, read from the timeline (acknowledged: the first move out of
 * {@code new}; resolved: the last move to {@code resolved}, for incidents resolved or closed now), and the
 * time to detect split into its stages for incidents opened from alerts: event → arrival in Vigil → alert →
 * acknowledgement. Times are seconds; a stage no incident of the row has is null.
 */
@ApplicationScoped
public class IncidentMetrics {

    public static final List<String> PERIODS = List.of("day", "week", "month");

    /** The averages of the stages of detection, in seconds. */
    public record Stages(Double eventToArrival, Double arrivalToAlert, Double alertToAcknowledged) {
    }

    /** One period and severity: how many incidents opened, and how fast they were acknowledged and resolved. */
    public record Row(Instant period, String severity, long opened, long acknowledged, Double mttaSeconds,
            Double mttaMedianSeconds, long resolved, Double mttrSeconds, Double mttrMedianSeconds, Stages detection) {
    }

    private static final String SQL = """
            with base as (
              select i.severity, date_trunc(?1, i.created, 'UTC') as period, i.created, i.state,
                     i.detected_event, i.detected_arrival, i.detected_alert,
                     (select min(c.at) from incident_change c
                       where c.incident_id = i.id and c.kind = 'state' and c.from_value = 'new') as acked,
                     (select max(c.at) from incident_change c
                       where c.incident_id = i.id and c.kind = 'state' and c.to_value = 'resolved') as fixed
              from incident i where i.created >= ?2 and i.created < ?3),
            spans as (
              select period, severity, extract(epoch from acked - created) as tta,
                     case when state in ('resolved', 'closed') then extract(epoch from fixed - created) end as ttr,
                     extract(epoch from detected_arrival - detected_event) as e2a,
                     extract(epoch from detected_alert - detected_arrival) as a2al,
                     extract(epoch from acked - detected_alert) as al2ack
              from base)
            select period, severity, count(*), count(tta), avg(tta),
                   percentile_cont(0.5) within group (order by tta), count(ttr), avg(ttr),
                   percentile_cont(0.5) within group (order by ttr), avg(e2a), avg(a2al), avg(al2ack)
            from spans group by period, severity
            order by period, array_position(array['critical','high','medium','low'], severity)""";

    private final EntityManager db;

    IncidentMetrics(EntityManager db) {
        this.db = db;
    }

    @Transactional
    public List<Row> rows(String period, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = db.createNativeQuery(SQL).setParameter(1, period).setParameter(2, from)
                .setParameter(3, to).getResultList();
        List<Row> answer = new ArrayList<>();
        for (Object[] r : rows) {
            answer.add(new Row(Columns.instant(r[0]), (String) r[1], count(r[2]), count(r[3]), seconds(r[4]),
                    seconds(r[5]), count(r[6]), seconds(r[7]), seconds(r[8]),
                    new Stages(seconds(r[9]), seconds(r[10]), seconds(r[11]))));
        }
        return answer;
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Double seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
