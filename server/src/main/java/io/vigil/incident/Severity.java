package io.vigil.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.vigil.event.Level;

/** How bad an incident is, most severe first; SLA targets are set per severity. */
public enum Severity {

    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    public static final List<String> IDS = Arrays.stream(values()).map(Severity::id).toList();

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst();
    }

    /** An alert's level as an incident's severity (informational counts as low). */
    public static Severity ofLevel(String level) {
        return switch (Level.of(level).orElse(Level.LOW)) {
            case CRITICAL -> CRITICAL;
            case HIGH -> HIGH;
            case MEDIUM -> MEDIUM;
            case LOW, INFORMATIONAL -> LOW;
        };
    }
}
