package io.vigil.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A task of an incident (table {@code incident_task}), copied from its playbook or added by hand. */
@Entity
@Table(name = "incident_task")
public class IncidentTask extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public long incidentId;

    public int position;

    public String title;

    public String description;

    public String owner;

    public String state;

    public Instant updated;

    @Column(name = "updated_by")
    public String updatedBy;

    /** Counts changes; a change naming an older one is refused. */
    public int version;
}
