package io.vigil.ingest.source;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A source of events (table {@code ingest_source}); never an API payload, see {@link SourceView}. */
@Entity
@Table(name = "ingest_source")
public class IngestSource extends PanacheEntityBase {

    @Id
    public String name;

    public String type;

    public String scope;

    @Column(name = "retention_days")
    public int retentionDays;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "token_hint")
    public String tokenHint;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "token_rotated_at")
    public Instant tokenRotatedAt;

    /** Whether detection rules run on this source's events. */
    public boolean detection = true;
}
