package io.vigil.search;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A search kept by name (table {@code saved_search}); never an API payload, see {@link SavedSearchView}. */
@Entity
@Table(name = "saved_search")
public class SavedSearch extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The owner's username: names are unique per owner. */
    public String owner;

    @Column(name = "owner_name")
    public String ownerName;

    public String name;

    public String query;

    @Column(name = "range_from")
    public String rangeFrom;

    @Column(name = "range_to")
    public String rangeTo;

    public String columns;

    public boolean shared;

    /** The owner's data scopes when saved, comma-separated; null when the owner's token named none. */
    @Column(name = "owner_scopes")
    public String ownerScopes;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
