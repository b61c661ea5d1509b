package io.vigil.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A browser session's tokens (table {@code console_session}), as OIDC hands them over (encrypted). */
@Entity
@Table(name = "console_session")
public class ConsoleSession extends PanacheEntityBase {

    /** SHA-256 of the id the session cookie holds: the table alone opens no session. */
    @Id
    @Column(name = "id_hash")
    public String idHash;

    @Column(name = "id_token")
    public String idToken;

    @Column(name = "access_token")
    public String accessToken;

    @Column(name = "refresh_token")
    public String refreshToken;

    @Column(name = "access_expires_in")
    public Long accessExpiresIn;

    @Column(name = "access_scope")
    public String accessScope;

    /** Keycloak's session id, for back-channel logout. */
    public String sid;

    public String subject;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** Set when refreshed tokens replaced these: still served briefly to requests already in flight. */
    @Column(name = "superseded_at")
    public Instant supersededAt;
}
