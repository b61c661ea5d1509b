package io.vigil.incident;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The playbook of an incident type (table {@code playbook}): the tasks its incidents start with. */
@Entity
@Table(name = "playbook")
public class Playbook extends PanacheEntityBase {

    /** A task as the playbook lists it. */
    public record Step(String title, String description) {
    }

    @Id
    public String type;

    public String title;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Step> tasks;

    public Instant updated;

    @Column(name = "updated_by")
    public String updatedBy;
}
