package io.vigil.detect.rules;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A pack of rules (table {@code rule_pack}); disabling a pack disables its rules without changing them. */
@Entity
@Table(name = "rule_pack")
public class RulePack extends PanacheEntityBase {

    @Id
    public String name;

    public String title;

    public boolean builtin;

    public boolean enabled;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The lowest level of its rules' findings that alerts, or {@code never}; null: the server's default. */
    @Column(name = "alert_level")
    public String alertLevel;

    /** How long an alert of its rules keeps taking repeats ({@code 30m}); null: the server's default. */
    @Column(name = "alert_suppression")
    public String alertSuppression;
}
