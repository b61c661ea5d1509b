package io.vigil.store;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query rows as Java types: JDBC drivers and Hibernate hand timestamps in several shapes. */
public final class Columns {

    private Columns() {
    }

    /** A {@code timestamptz} cell as an instant; null stays null. */
    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case java.sql.Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> Instant.parse(value.toString());
        };
    }
}
