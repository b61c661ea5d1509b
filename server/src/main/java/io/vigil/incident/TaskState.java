package io.vigil.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a task of an incident is. */
public enum TaskState {

    OPEN,
    IN_PROGRESS,
    DONE,
    SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return id().replace('_', ' ');
    }

    /** Done or skipped: counts toward the incident's progress. */
    public boolean finished() {
        return this == DONE || this == SKIPPED;
    }

    public static Optional<TaskState> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst();
    }
}
