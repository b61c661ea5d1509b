package io.vigil.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Someone who has signed in to Vigil (table {@code vigil_user}); never an API payload. */
@Entity
@Table(name = "vigil_user")
public class KnownUser extends PanacheEntityBase {

    @Id
    public String subject;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] roles;

    @Column(name = "first_seen")
    public Instant firstSeen;

    @Column(name = "last_seen")
    public Instant lastSeen;
}
