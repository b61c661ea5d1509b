package io.vigil.detect.rules;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of a rule (table {@code detection_rule_version}): what it was, who changed it, why. */
@Entity
@Table(name = "detection_rule_version")
@IdClass(RuleVersion.Key.class)
public class RuleVersion extends PanacheEntityBase {

    /** The composite key: rule and version number. */
    public static class Key implements Serializable {

        public String ruleId;
        public int version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && version == key.version && java.util.Objects.equals(ruleId, key.ruleId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(ruleId, version);
        }
    }

    @Id
    @Column(name = "rule_id")
    public String ruleId;

    @Id
    public int version;

    public String yaml;

    public boolean enabled;

    /** What happened: imported, edited, enabled, disabled. */
    public String change;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;
}
