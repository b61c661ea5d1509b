package io.vigil.incident;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an incident is: {@code new → acknowledged → investigating → contained → resolved → closed}. Any
 * open state may go straight to resolved (a false positive needs no containment), containment that did
 * not hold goes back to investigating, and a resolved or closed incident is reopened into investigating.
 * The server enforces these moves and names the allowed ones when refusing another.
 */
public enum IncidentState {

    NEW,
    ACKNOWLEDGED,
    INVESTIGATING,
    CONTAINED,
    RESOLVED,
    CLOSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The states this one may move to. */
    public Set<IncidentState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ACKNOWLEDGED, INVESTIGATING, RESOLVED);
            case ACKNOWLEDGED -> EnumSet.of(INVESTIGATING, RESOLVED);
            case INVESTIGATING -> EnumSet.of(CONTAINED, RESOLVED);
            case CONTAINED -> EnumSet.of(INVESTIGATING, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, INVESTIGATING);
            case CLOSED -> EnumSet.of(INVESTIGATING);
        };
    }

    /** Open: still someone's work (neither resolved nor closed). */
    public boolean open() {
        return this != RESOLVED && this != CLOSED;
    }

    /** Moving from here to {@code to} reopens the incident. */
    public boolean reopens(IncidentState to) {
        return !open() && to.open();
    }

    public static Optional<IncidentState> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst();
    }

    /** Why an incident was resolved. */
    public enum Resolution {

        TRUE_POSITIVE,
        FALSE_POSITIVE,
        BENIGN,
        DUPLICATE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return id().replace('_', ' ');
        }

        public static Optional<Resolution> of(String id) {
            return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                    .findFirst();
        }
    }
}
