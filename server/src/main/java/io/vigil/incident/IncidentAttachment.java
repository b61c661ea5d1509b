package io.vigil.incident;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file attached to an incident (table {@code incident_attachment}), kept with its SHA-256. */
@Entity
@Table(name = "incident_attachment")
public class IncidentAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public long incidentId;

    public String name;

    @Column(name = "content_type")
    public String contentType;

    public int size;

    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    public Instant added;

    @Column(name = "added_by")
    public String addedBy;
}
