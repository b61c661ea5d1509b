package io.vigil.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.vigil.access.HandlerDirectory;
import io.vigil.access.Permission;
import io.vigil.access.VigilUser;

/**
 * The tasks of an incident: copied from its type's playbook when it opens, added by hand, each with an owner
 * and a state. A change names the task's version its author saw, so two handlers working the same task do
 * not overwrite each other silently.
 */
@ApplicationScoped
public class IncidentTasks {

    static final int MAX_TASKS = 100;

    private final HandlerDirectory handlers;
    private final Clock clock = Clock.systemUTC();

    IncidentTasks(HandlerDirectory handlers) {
        this.handlers = handlers;
    }

    void fromPlaybook(Incident incident, Playbook playbook, VigilUser user, Instant now) {
        int position = 0;
        for (Playbook.Step step : playbook.tasks) {
            task(incident.id, ++position, step.title(), step.description(), user, now);
        }
        if (position > 0) {
            Timeline.record(incident, user, now, "playbook", null, playbook.title + " (" + position + " tasks)");
        }
    }

    /** Adds a task by hand at the end of the list; answers its id. */
    @Transactional
    public long add(VigilUser user, long id, String title, String description) {
        Incident incident = IncidentService.writable(IncidentService.locked(id));
        long count = IncidentTask.count("incidentId", id);
        if (count >= MAX_TASKS) {
            throw IncidentProblem.invalid("tasks: an incident holds at most " + MAX_TASKS);
        }
        Instant now = clock.instant();
        IncidentTask task = task(id, (int) count + 1,
                Fields.required("title", title, Fields.MAX_TITLE),
                Fields.optional("description", description, Fields.MAX_TEXT), user, now);
        Timeline.record(incident, user, now, "task added", null, task.title);
        return task.id;
    }

    /**
     * Sets a task's state and owner (null leaves one as it is; a blank owner clears it). {@code version} is the
     * task's version the caller's page showed: if the task has changed since, the change is refused with who
     * changed it. Choosing an owner takes the permission to assign.
     */
    @Transactional
    public void update(VigilUser user, long id, long taskId, Integer version, String state, String owner) {
        if (version == null) {
            throw IncidentProblem.invalid("version: the version of the task you last read");
        }
        if (owner != null && !user.can(Permission.INCIDENTS_ASSIGN)) {
            throw new IncidentProblem(403, "owner: choosing a task's owner needs the permission to assign",
                    java.util.List.of());
        }
        Incident incident = IncidentService.writable(IncidentService.locked(id));
        IncidentTask task = IncidentTask.findById(taskId);
        if (task == null || task.incidentId != id) {
            throw new IncidentProblem(404, "no task " + taskId + " in " + IncidentView.ref(id), java.util.List.of());
        }
        if (task.version != version) {
            throw IncidentProblem.conflict("task \"" + task.title + "\" changed since you loaded it (by "
                    + task.updatedBy + " at " + task.updated + "; it is now " + task.state + ", owner "
                    + (task.owner == null ? "nobody" : task.owner) + "). Reload and try again.");
        }
        Instant now = clock.instant();
        boolean changed = false;
        if (state != null) {
            TaskState to = TaskState.of(state).orElseThrow(() -> IncidentProblem.invalid(
                    "state: one of open, in_progress, done, skipped"));
            if (!to.id().equals(task.state)) {
                Timeline.record(incident, user, now, "task", task.title + ": " + task.state, task.title + ": "
                        + to.id());
                task.state = to.id();
                changed = true;
            }
        }
        if (owner != null) {
            String to = owner.isBlank() ? null : owner.trim();
            if (to != null) {
                IncidentService.requireHandler(handlers, "owner", to);
            }
            if (!Objects.equals(to, task.owner)) {
                Timeline.record(incident, user, now, "task owner", task.title + ": " + task.owner, task.title
                        + ": " + to);
                task.owner = to;
                changed = true;
            }
        }
        if (changed) {
            task.version++;
            task.updated = now;
            task.updatedBy = user.username();
        }
    }

    private static IncidentTask task(long incident, int position, String title, String description, VigilUser user,
            Instant now) {
        IncidentTask task = new IncidentTask();
        task.incidentId = incident;
        task.position = position;
        task.title = title;
        task.description = description == null ? "" : description;
        task.state = TaskState.OPEN.id();
        task.version = 1;
        task.updated = now;
        task.updatedBy = user.username();
        task.persist();
        return task;
    }
}
