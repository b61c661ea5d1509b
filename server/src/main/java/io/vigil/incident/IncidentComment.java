package io.vigil.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A comment on an incident (table {@code incident_comment}), stored as the Markdown its author wrote. */
@Entity
@Table(name = "incident_comment")
public class IncidentComment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public long incidentId;

    public String author;

    public Instant created;

    public String body;
}
