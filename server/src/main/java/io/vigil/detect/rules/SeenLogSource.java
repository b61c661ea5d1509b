package io.vigil.detect.rules;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A logsource detection has seen events of ('' for a part the events lack), read by the rules list. */
@Entity
@Table(name = "logsource_seen")
@IdClass(SeenLogSource.Key.class)
public class SeenLogSource extends PanacheEntityBase {

    /** The composite key: product, service and category. */
    public static class Key implements Serializable {

        public String product;
        public String service;
        public String category;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(product, key.product)
                    && Objects.equals(service, key.service) && Objects.equals(category, key.category);
        }

        @Override
        public int hashCode() {
            return Objects.hash(product, service, category);
        }
    }

    @Id
    public String product;

    @Id
    public String service;

    @Id
    public String category;

    @Column(name = "last_seen")
    public Instant lastSeen;
}
