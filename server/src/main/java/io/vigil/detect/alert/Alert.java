package io.vigil.detect.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An alert (table {@code alert}): one episode of a rule and group, updated while it repeats. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "rule_id")
    public String ruleId;

    @Column(name = "rule_version")
    public int ruleVersion;

    @Column(name = "rule_title")
    public String ruleTitle;

    @Column(name = "rule_level")
    public String ruleLevel;

    /** {@code single}, or the correlation type ({@code event_count}, ...). */
    @Column(name = "rule_kind")
    public String ruleKind;

    @Column(name = "group_id")
    public UUID groupId;

    /** The group's fields and values in group-by order, as [field, value] pairs (jsonb keeps no key order). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "group_values")
    public List<List<String>> groupValues;

    @Column(name = "first_event")
    public Instant firstEvent;

    @Column(name = "last_event")
    public Instant lastEvent;

    /** How many times the rule fired into this alert. */
    public int fired;

    /** How many events are listed behind it. */
    public int events;

    public String state;

    @Column(name = "close_reason")
    public String closeReason;

    public String assignee;

    /** The incident it was escalated into, if any. */
    @Column(name = "incident_id")
    public Long incidentId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] sources;

    public Instant created;

    public Instant updated;

    @Column(name = "updated_by")
    public String updatedBy;
}
