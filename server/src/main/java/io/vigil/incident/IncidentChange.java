package io.vigil.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of an incident's timeline (table {@code incident_change}): who changed what, from and to. */
@Entity
@Table(name = "incident_change")
public class IncidentChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public long incidentId;

    public Instant at;

    public String actor;

    public String kind;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value")
    public String toValue;

    /** The data sources (comma-separated) of the evidence the entry names, if any. */
    public String sources;

    /** The incident's version after the change. */
    public int version;
}
