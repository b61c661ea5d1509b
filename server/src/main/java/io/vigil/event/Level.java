package io.vigil.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sigma's levels of a rule and of what it finds, most severe first: the order pages list and sort
 * them in. Findings and rules store the lower-case {@link #id()}.
 */
public enum Level {

    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFORMATIONAL;

    /** Every level's id, most severe first. */
    public static final List<String> IDS = Arrays.stream(values()).map(Level::id).toList();

    /** Lower-case name, as Sigma writes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> of(String id) {
        return Arrays.stream(values()).filter(level -> level.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Position in severity order (0 is most severe); an unknown level sorts after all known ones. */
    public static int rank(String id) {
        return of(id).map(Level::ordinal).orElse(values().length);
    }
}
