package io.vigil.detect.rules;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rule's current state (table {@code detection_rule}); its history is in {@link RuleVersion}. */
@Entity
@Table(name = "detection_rule")
public class DetectionRule extends PanacheEntityBase {

    @Id
    public String id;

    public String pack;

    /** {@code rule}, {@code filter} or {@code correlation}. */
    public String kind;

    public String title;

    public String level;

    public String status;

    public boolean enabled;

    public int version;

    public String yaml;

    /** Set when Vigil disabled the rule itself, saying why; cleared when it is enabled again. */
    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The logsource the rule states (lower case; null where it states none), see {@link RuleFacts}. */
    @Column(name = "logsource_product")
    public String logsourceProduct;

    @Column(name = "logsource_service")
    public String logsourceService;

    @Column(name = "logsource_category")
    public String logsourceCategory;

    /** The lowest level of its findings that alerts, or {@code never}; null: its pack's, else the default. */
    @Column(name = "alert_level")
    public String alertLevel;

    /** How long an alert of it keeps taking repeats ({@code 30m}); null: its pack's, else the default. */
    @Column(name = "alert_suppression")
    public String alertSuppression;

    /** The Sigma {@code name} correlations may refer to the rule by, if it has one. */
    public String name;

    /** The rule's tags, lower case, each between commas (",attack.t1078,attack.persistence,"). */
    public String tags = "";

    /** Whether the columns above were filled from the YAML ({@link RuleFacts#CURRENT}), or not yet (0). */
    public int facts;
}
