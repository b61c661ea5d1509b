package io.vigil.detect.notify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A notification channel (table {@code notification_channel}); its secrets never leave the server. */
@Entity
@Table(name = "notification_channel")
public class Channel extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String kind;

    /** Webhook and Slack: the URL, a secret. */
    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] recipients = new String[0];

    public String sender;

    @Column(name = "smtp_host")
    public String smtpHost;

    @Column(name = "smtp_port")
    public Integer smtpPort;

    @Column(name = "smtp_tls")
    public String smtpTls;

    @Column(name = "smtp_user")
    public String smtpUser;

    @Column(name = "smtp_password")
    public String smtpPassword;

    @Column(name = "min_level")
    public String minLevel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] packs = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] rules = new String[0];

    @Column(name = "per_minute")
    public int perMinute;

    public boolean enabled;

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_sent")
    public int windowSent;

    @Column(name = "last_sent")
    public Instant lastSent;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    public Instant created;

    public Instant updated;

    @Column(name = "updated_by")
    public String updatedBy;

    ChannelKind channelKind() {
        return ChannelKind.of(kind).orElseThrow();
    }
}
