package io.vigil.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.vigil.access.HandlerDirectory;
import io.vigil.access.VigilUser;
import io.vigil.detect.alert.AlertQueries;
import io.vigil.detect.alert.AlertState;
import io.vigil.detect.alert.AlertTriage;
import io.vigil.detect.alert.AlertView;

/**
 * The incident workflow: open one (by hand or by escalating alerts), edit it, move it through its states,
 * assign it. Each change takes the incident's row lock, checks the version the caller last saw (a stale
 * one is refused with what changed since), and writes a timeline entry; a refused change saves nothing.
 */
@ApplicationScoped
public class IncidentService {

    /** What a new incident starts with; {@code type} names a playbook ({@code other} when blank). */
    public record Draft(String title, String description, String severity, String type) {
    }

    /** Fields to change; a null field stays as it is. */
    public record Edit(String title, String description, String severity, String type) {
    }

    private final AlertTriage alerts;
    private final AlertQueries queries;
    private final IncidentTasks tasks;
    private final IncidentEvidence evidence;
    private final HandlerDirectory handlers;
    private final IncidentNotices notices;
    private final Clock clock;

    IncidentService(AlertTriage alerts, AlertQueries queries, IncidentTasks tasks, IncidentEvidence evidence,
            HandlerDirectory handlers, IncidentNotices notices) {
        this.notices = notices;
        this.alerts = alerts;
        this.queries = queries;
        this.tasks = tasks;
        this.evidence = evidence;
        this.handlers = handlers;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public long create(VigilUser user, Draft draft) {
        String title = Fields.required("title", draft.title(), Fields.MAX_TITLE);
        Severity severity = Severity.of(draft.severity())
                .orElseThrow(() -> IncidentProblem.invalid("severity: one of " + String.join(", ", Severity.IDS)));
        Playbook playbook = playbook(Fields.blank(draft.type()) ? "other" : draft.type().trim());
        Instant now = clock.instant();
        Incident incident = new Incident();
        incident.title = title;
        incident.description = Fields.optional("description", draft.description(), Fields.MAX_TEXT);
        incident.severity = severity.id();
        incident.type = playbook.type;
        incident.state = IncidentState.NEW.id();
        incident.created = now;
        incident.createdBy = user.username();
        incident.updated = now;
        incident.updatedBy = user.username();
        incident.version = 1;
        incident.persist();
        Timeline.record(incident, user, now, "created", null, title);
        tasks.fromPlaybook(incident, playbook, user, now);
        return incident.id;
    }

    /**
     * Escalates alerts into the incident {@code into}, or into a new one made from the draft (whose blanks are
     * filled from the alerts: the first one's rule as title, the most severe level as severity). All alerts or
     * none.
     */
    @Transactional
    public long escalate(VigilUser user, List<UUID> ids, Long into, Draft draft) {
        if (ids == null || ids.isEmpty() || ids.size() > 100 || ids.contains(null)) {
            throw IncidentProblem.invalid("alerts: 1 to 100 alert ids");
        }
        long id = into != null
                ? writable(locked(into)).id
                : create(user, draftFrom(draft, ids.stream()
                        .map(alert -> queries.one(user, alert).map(AlertView.Detail::alert)
                                .orElseThrow(() -> IncidentProblem.invalid("alerts: no alert " + alert)))
                        .toList()));
        Incident incident = Incident.findById(id);
        List<AlertView> escalated;
        try {
            escalated = alerts.escalate(user, ids, id);
        } catch (IllegalArgumentException e) {
            throw IncidentProblem.invalid("alerts: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw IncidentProblem.conflict(e.getMessage());
        }
        Instant now = clock.instant();
        detected(incident, user, escalated);
        for (AlertView alert : escalated) {
            Timeline.about(incident, user, now, "alert", null, alert.id() + " " + alert.rule().title(),
                    String.join(",", alert.sources()));
            evidence.fromAlert(incident, alert, user, now);
        }
        notices.escalated(incident, escalated.size(), user.username());
        return id;
    }

    /**
     * Keeps the earliest stages of detection behind the incident: the first event's time, when it reached
     * Vigil, and the first alert's creation (acknowledgement is the incident's own).
     */
    private void detected(Incident incident, VigilUser user, List<AlertView> escalated) {
        for (AlertView alert : escalated) {
            if (incident.detectedAlert == null || alert.created().isBefore(incident.detectedAlert)) {
                incident.detectedAlert = alert.created();
            }
            if (incident.detectedEvent == null || alert.first().isBefore(incident.detectedEvent)) {
                incident.detectedEvent = alert.first();
                incident.detectedArrival = queries.one(user, alert.id()).flatMap(d -> d.events().stream().findFirst())
                        .flatMap(e -> evidence.arrival(user, e.id(), e.time())).orElse(null);
            }
        }
    }

    /** A new incident's draft with its blanks filled from the alerts it is opened from. */
    static Draft draftFrom(Draft draft, List<AlertView> alerts) {
        String title = Fields.blank(draft.title()) && !alerts.isEmpty()
                ? alerts.getFirst().rule().title() + (alerts.size() > 1 ? " and " + (alerts.size() - 1) + " more" : "")
                : draft.title();
        String severity = Fields.blank(draft.severity())
                ? alerts.stream().map(a -> Severity.ofLevel(a.rule().level())).min(Enum::compareTo)
                        .orElse(Severity.MEDIUM).id()
                : draft.severity();
        return new Draft(title, draft.description(), severity, draft.type());
    }

    @Transactional
    public void edit(VigilUser user, long id, int version, Edit edit) {
        Incident incident = writable(current(locked(id), version, user));
        Instant now = clock.instant();
        if (edit.title() != null) {
            set(incident, user, now, "title", incident.title, Fields.required("title", edit.title(), Fields.MAX_TITLE),
                    v -> incident.title = v);
        }
        if (edit.description() != null) {
            set(incident, user, now, "description", incident.description,
                    Fields.optional("description", edit.description(), Fields.MAX_TEXT), v -> incident.description = v);
        }
        if (edit.severity() != null) {
            Severity severity = Severity.of(edit.severity()).orElseThrow(
                    () -> IncidentProblem.invalid("severity: one of " + String.join(", ", Severity.IDS)));
            set(incident, user, now, "severity", incident.severity, severity.id(), v -> incident.severity = v);
        }
        if (edit.type() != null) {
            set(incident, user, now, "type", incident.type, playbook(edit.type().trim()).type,
                    v -> incident.type = v);
        }
    }

    /**
     * Moves the incident to another state. Resolving needs a resolution and a summary, and may close its open
     * alerts with the matching reason; reopening clears the resolution (the timeline keeps it).
     */
    @Transactional
    public void transition(VigilUser user, long id, int version, String to, String resolution, String summary,
            boolean closeAlerts) {
        Incident incident = current(locked(id), version, user);
        IncidentState from = incident.stateValue();
        IncidentState target = IncidentState.of(to).orElseThrow(() -> IncidentProblem.invalid("to: one of "
                + String.join(", ", java.util.Arrays.stream(IncidentState.values()).map(IncidentState::id).toList())));
        if (!from.next().contains(target)) {
            throw IncidentProblem.conflict(IncidentView.ref(id) + " is " + from.id() + " and may move to "
                    + String.join(" or ", from.next().stream().map(IncidentState::id).toList()) + ", not to "
                    + target.id());
        }
        Instant now = clock.instant();
        if (target == IncidentState.RESOLVED) {
            var why = IncidentState.Resolution.of(resolution).orElseThrow(() -> IncidentProblem.invalid(
                    "resolution: resolving needs one of true_positive, false_positive, benign, duplicate"));
            String text = Fields.required("summary", summary, Fields.MAX_TEXT);
            incident.resolution = why.id();
            incident.summary = text;
            incident.resolved = now;
        }
        if (from.reopens(target)) {
            incident.resolution = null;
            incident.summary = null;
            incident.resolved = null;
        }
        if (from == IncidentState.NEW && incident.acknowledged == null) {
            incident.acknowledged = now;
        }
        set(incident, user, now, "state", from.id(), target.id(), v -> incident.state = v);
        if (target == IncidentState.RESOLVED) {
            // written after the move, so they carry the version the move made
            var why = IncidentState.Resolution.of(incident.resolution).orElseThrow();
            Timeline.record(incident, user, now, "resolution", null, why.id() + ": " + incident.summary);
            if (closeAlerts && why != IncidentState.Resolution.DUPLICATE) {
                int closed = alerts.closeOfIncident(user, id, AlertState.CloseReason.of(why.id()).orElseThrow());
                Timeline.record(incident, user, now, "alerts closed", null, closed + " as " + why.label());
            }
        }
    }

    /** Assigns the incident to a holder of the handler role, or to nobody (blank). */
    @Transactional
    public void assign(VigilUser user, long id, int version, String assignee) {
        Incident incident = writable(current(locked(id), version, user));
        String to = Fields.blank(assignee) ? null : assignee.trim();
        if (to != null) {
            requireHandler(handlers, "assignee", to);
        }
        String before = incident.assignee;
        set(incident, user, clock.instant(), "assignee", incident.assignee, to, v -> incident.assignee = v);
        if (to != null && !to.equals(before)) {
            notices.assigned(incident, user.username());
        }
    }

    /** Refuses a name that does not hold the handler role (503 when Keycloak cannot say). */
    static void requireHandler(HandlerDirectory handlers, String field, String username) {
        try {
            if (handlers.handler(username).isEmpty()) {
                throw IncidentProblem.invalid(field + ": " + username + " does not hold the incident-handler role");
            }
        } catch (HandlerDirectory.Unavailable e) {
            throw new IncidentProblem(503, e.getMessage(), List.of());
        }
    }

    /** Changes one field if its value differs: a new version, who and when, and a timeline entry. */
    private static void set(Incident incident, VigilUser user, Instant now, String kind, String from, String to,
            java.util.function.Consumer<String> apply) {
        if (Objects.equals(from, to)) {
            return;
        }
        apply.accept(to);
        incident.version++;
        incident.updated = now;
        incident.updatedBy = user.username();
        Timeline.record(incident, user, now, kind, from, to);
    }

    static Incident locked(long id) {
        Incident incident = Incident.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            throw IncidentProblem.notFound(id);
        }
        return incident;
    }

    /** The incident if the caller saw its current version; else what changed since theirs. */
    static Incident current(Incident incident, int version, VigilUser user) {
        if (incident.version != version) {
            List<IncidentView.Change> since = IncidentChange.<IncidentChange>list(
                    "incidentId = ?1 and version > ?2 order by id", incident.id, version).stream()
                    .map(c -> IncidentQueries.change(c, user.sourceScope())).toList();
            String who = since.isEmpty() ? incident.updatedBy : since.getLast().actor();
            throw IncidentProblem.stale(IncidentView.ref(incident.id) + " changed since you loaded it (your version "
                    + version + ", now " + incident.version + ", last by " + who + "): "
                    + String.join("; ", since.stream().map(c -> c.kind() + (c.to() == null
                            ? " cleared"
                            : " → " + c.to())).toList())
                    + ". Reload and try again.", since);
        }
        return incident;
    }

    /** The incident unless it is closed: a closed incident is read-only until reopened. */
    static Incident writable(Incident incident) {
        if (incident.stateValue() == IncidentState.CLOSED) {
            throw IncidentProblem.conflict(IncidentView.ref(incident.id) + " is closed: reopen it to change it");
        }
        return incident;
    }

    private static Playbook playbook(String type) {
        Playbook playbook = Playbook.findById(type);
        if (playbook == null) {
            throw IncidentProblem.invalid("type: no playbook " + type + " (one of " + String.join(", ",
                    Playbook.<Playbook>listAll().stream().map(p -> p.type).sorted().toList()) + ")");
        }
        return playbook;
    }
}
