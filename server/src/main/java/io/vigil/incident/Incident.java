package io.vigil.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An incident (table {@code incident}); never an API payload. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public String description;

    public String severity;

    public String type;

    public String state;

    public String assignee;

    public String resolution;

    public String summary;

    public Instant created;

    @Column(name = "created_by")
    public String createdBy;

    public Instant updated;

    @Column(name = "updated_by")
    public String updatedBy;

    public Instant acknowledged;

    public Instant resolved;

    /** Time to detect in stages: the earliest event behind its alerts, its arrival, the first alert. */
    @Column(name = "detected_event")
    public Instant detectedEvent;

    @Column(name = "detected_arrival")
    public Instant detectedArrival;

    @Column(name = "detected_alert")
    public Instant detectedAlert;

    /** Counts changes to the incident's own fields; a change naming an older one is refused. */
    public int version;

    IncidentState stateValue() {
        return IncidentState.of(state).orElseThrow();
    }
}
