package io.vigil.incident;

import java.time.Instant;
import java.util.List;

import io.vigil.detect.alert.AlertView;

/**
 * An incident as the API and pages show it.
 *
 * @param ref the number as people say it ({@code INC-42})
 * @param next the states it may move to now
 * @param detectedEvent for an incident from alerts: the earliest event behind them; {@code detectedArrival} when
 *        it reached Vigil and {@code detectedAlert} when the first alert was raised (time to detect, by stage)
 * @param sla where it stands against its severity's targets
 */
public record IncidentView(long id, String ref, String title, String description, String severity, String type,
        String state, String assignee, String resolution, String summary, Instant created, String createdBy,
        Instant updated, String updatedBy, Instant acknowledged, Instant resolved, Instant detectedEvent,
        Instant detectedArrival, Instant detectedAlert, int version, List<String> next, Sla.Status sla) {

    static String ref(long id) {
        return "INC-" + id;
    }

    static IncidentView of(Incident i, Sla.Status sla) {
        return new IncidentView(i.id, ref(i.id), i.title, i.description, i.severity, i.type, i.state, i.assignee,
                i.resolution, i.summary, i.created, i.createdBy, i.updated, i.updatedBy, i.acknowledged, i.resolved,
                i.detectedEvent, i.detectedArrival, i.detectedAlert, i.version,
                i.stateValue().next().stream().map(IncidentState::id).toList(), sla);
    }

    /** One timeline entry: who changed what, from and to; {@code version} is the incident's after it. */
    public record Change(Instant at, String actor, String kind, String from, String to, int version) {

        static Change of(IncidentChange c) {
            return new Change(c.at, c.actor, c.kind, c.fromValue, c.toValue, c.version);
        }
    }

    /** A task and who owns it. */
    public record Task(long id, int position, String title, String description, String owner, String state,
            Instant updated, String updatedBy, int version) {

        static Task of(IncidentTask t) {
            return new Task(t.id, t.position, t.title, t.description, t.owner, t.state, t.updated, t.updatedBy,
                    t.version);
        }
    }

    /** A comment: the Markdown as written and the sanitized HTML it renders to. */
    public record Comment(long id, String author, Instant created, String markdown, String html) {
    }

    /** An observable, and in how many other incidents the same kind and value appear. */
    public record Observable(String kind, String value, String origin, String source, Instant added,
            String addedBy, long otherIncidents) {
    }

    /** An event pinned as evidence. */
    public record PinnedEvent(String index, String id, Instant time, String source, Instant pinned,
            String pinnedBy) {
    }

    /** An attachment's description (its content is fetched on its own). */
    public record Attachment(long id, String name, String contentType, int size, String sha256, Instant added,
            String addedBy) {
    }

    /** How many linked alerts, pinned events and observables the reader's data scope hides. */
    public record Hidden(int alerts, int events, int observables) {

        public boolean any() {
            return alerts + events + observables > 0;
        }
    }

    /** One incident with its evidence, tasks, comments and timeline, as one reader may see them. */
    public record Detail(IncidentView incident, List<AlertView> alerts, List<PinnedEvent> events,
            List<Observable> observables, List<Task> tasks, List<Comment> comments, List<Attachment> attachments,
            List<Change> timeline, List<String> watchers, Hidden hidden) {

        /** Tasks done or skipped, of all. */
        public long tasksDone() {
            return tasks.stream().filter(t -> TaskState.of(t.state()).map(TaskState::finished).orElse(false))
                    .count();
        }
    }
}
