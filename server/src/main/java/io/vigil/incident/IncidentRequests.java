package io.vigil.incident;

import java.util.List;
import java.util.UUID;

/** The JSON bodies of {@link IncidentResource}'s changes. */
public final class IncidentRequests {

    private IncidentRequests() {
    }

    /** A new incident. */
    public record New(String title, String description, String severity, String type) {
    }

    /** Alerts to escalate into {@code incident}, or into a new incident made of the other fields. */
    public record Escalation(List<UUID> alerts, Long incident, String title, String description, String severity,
            String type) {
    }

    /** Fields to change (absent ones stay), with the version they were read at. */
    public record Edit(Integer version, String title, String description, String severity, String type) {
    }

    /** A move to another state; resolving needs a resolution and a summary, and may close the alerts. */
    public record Move(Integer version, String to, String resolution, String summary, boolean closeAlerts) {
    }

    public record Assignment(Integer version, String assignee) {
    }

    public record Pin(String index, String id) {
    }

    public record NewObservable(String kind, String value) {
    }

    public record NewComment(String body) {
    }

    public record NewTask(String title, String description) {
    }

    /** A task's new state and owner, with the task's {@code version} the caller last read. */
    public record TaskChange(Integer version, String state, String owner) {
    }
}
