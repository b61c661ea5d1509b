package io.vigil.incident;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.HandlerDirectory;
import io.vigil.access.Permission;
import io.vigil.web.JsonProblems;

/**
 * Incidents for programs: list and read them, open one or escalate alerts into one, edit, move, assign, and add
 * evidence, tasks and comments. Changes to an incident's own fields carry the {@code version} the caller last
 * read; a stale one is answered 409 with the changes made since.
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class IncidentResource {

    private final IncidentService incidents;
    private final IncidentEvidence evidence;
    private final IncidentTasks tasks;
    private final IncidentAttachments attachments;
    private final IncidentQueries queries;
    private final HandlerDirectory handlers;
    private final CurrentUser currentUser;

    IncidentResource(IncidentService incidents, IncidentEvidence evidence, IncidentTasks tasks,
            IncidentAttachments attachments, IncidentQueries queries, HandlerDirectory handlers,
            CurrentUser currentUser) {
        this.attachments = attachments;
        this.incidents = incidents;
        this.evidence = evidence;
        this.tasks = tasks;
        this.queries = queries;
        this.handlers = handlers;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    @Operation(summary = "Incidents, newest change first; the total is in X-Total-Count")
    public Response list(@QueryParam("view") @DefaultValue("all") String view,
            @QueryParam("state") @DefaultValue("open") String state, @QueryParam("severity") String severity,
            @QueryParam("type") String type, @QueryParam("sort") @DefaultValue("updated") String sort,
            @QueryParam("dir") @DefaultValue("desc") String dir, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            return JsonProblems.of(400, "limit: between 1 and 1000; offset: 0 or more");
        }
        if (!IncidentFilter.VIEWS.contains(view)) {
            return JsonProblems.of(400, "view: one of " + String.join(", ", IncidentFilter.VIEWS));
        }
        if (!IncidentFilter.STATES.contains(state)) {
            return JsonProblems.of(400, "state: one of " + String.join(", ", IncidentFilter.STATES));
        }
        if (severity != null && !severity.isBlank() && Severity.of(severity).isEmpty()) {
            return JsonProblems.of(400, "severity: one of " + String.join(", ", Severity.IDS));
        }
        var order = IncidentFilter.Order.of(sort);
        if (order.isEmpty()) {
            return JsonProblems.of(400, "sort: one of updated, created, id, title, state, severity, assignee");
        }
        var page = queries.page(currentUser.user(), new IncidentFilter(view, state, severity, type, order.get(),
                "asc".equalsIgnoreCase(dir)), offset, limit);
        return Response.ok(page.incidents()).header("X-Total-Count", page.total()).build();
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    @Operation(summary = "One incident with its alerts, events, observables, tasks, comments and timeline")
    public Response one(@PathParam("id") long id) {
        return queries.one(currentUser.user(), id).map(d -> Response.ok(d).build())
                .orElseGet(() -> JsonProblems.of(404, "no incident " + id));
    }

    @POST
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    @Operation(summary = "Open an incident by hand; its type's playbook gives its first tasks")
    public Response create(IncidentRequests.New body) {
        if (body == null) {
            throw IncidentProblem.invalid("body: title, severity and type");
        }
        long id = incidents.create(currentUser.user(), new IncidentService.Draft(body.title(), body.description(),
                body.severity(), body.type()));
        return Response.created(URI.create("/api/incidents/" + id)).entity(detail(id)).build();
    }

    @POST
    @Path("/escalate")
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    @Operation(summary = "Escalate alerts into an existing incident or a new one (all or none)")
    public IncidentView.Detail escalate(IncidentRequests.Escalation body) {
        if (body == null) {
            throw IncidentProblem.invalid("body: alerts, and incident or the new incident's fields");
        }
        return detail(incidents.escalate(currentUser.user(), body.alerts(), body.incident(),
                new IncidentService.Draft(body.title(), body.description(), body.severity(), body.type())));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    @Operation(summary = "Change title, description, severity or type")
    public IncidentView.Detail edit(@PathParam("id") long id, IncidentRequests.Edit body) {
        incidents.edit(currentUser.user(), id, version(body == null ? null : body.version()),
                new IncidentService.Edit(body.title(), body.description(), body.severity(), body.type()));
        return detail(id);
    }

    @POST
    @Path("/{id}/state")
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    @Operation(summary = "Move the incident to another state (409 names the allowed ones)")
    public IncidentView.Detail move(@PathParam("id") long id, IncidentRequests.Move body) {
        incidents.transition(currentUser.user(), id, version(body == null ? null : body.version()), body.to(),
                body.resolution(), body.summary(), body.closeAlerts());
        return detail(id);
    }

    @POST
    @Path("/{id}/assignee")
    @PermissionsAllowed(Permission.Names.INCIDENTS_ASSIGN)
    @Operation(summary = "Assign the incident to a holder of the incident-handler role, or to nobody")
    public IncidentView.Detail assign(@PathParam("id") long id, IncidentRequests.Assignment body) {
        incidents.assign(currentUser.user(), id, version(body == null ? null : body.version()), body.assignee());
        return detail(id);
    }

    @POST
    @Path("/{id}/events")
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    @Operation(summary = "Pin an event (by index and id) as evidence; its observables come with it")
    public IncidentView.Detail pin(@PathParam("id") long id, IncidentRequests.Pin body) {
        if (body == null) {
            throw IncidentProblem.invalid("body: index and id of the event");
        }
        evidence.pin(currentUser.user(), id, body.index(), body.id());
        return detail(id);
    }

    @POST
    @Path("/{id}/observables")
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    @Operation(summary = "Add an observable: ip, user, access_key, arn, host, domain or hash")
    public IncidentView.Detail observable(@PathParam("id") long id, IncidentRequests.NewObservable body) {
        if (body == null) {
            throw IncidentProblem.invalid("body: kind and value");
        }
        evidence.observable(currentUser.user(), id, body.kind(), body.value());
        return detail(id);
    }

    @POST
    @Path("/{id}/comments")
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    @Operation(summary = "Comment in Markdown (raw HTML is refused)")
    public IncidentView.Detail comment(@PathParam("id") long id, IncidentRequests.NewComment body) {
        evidence.comment(currentUser.user(), id, body == null ? null : body.body());
        return detail(id);
    }

    @POST
    @Path("/{id}/tasks")
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    @Operation(summary = "Add a task")
    public IncidentView.Detail addTask(@PathParam("id") long id, IncidentRequests.NewTask body) {
        tasks.add(currentUser.user(), id, body == null ? null : body.title(), body == null ? null : body.description());
        return detail(id);
    }

    @PATCH
    @Path("/{id}/tasks/{task}")
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    @Operation(summary = "Set a task's state or owner, with the task's version the caller last read")
    public IncidentView.Detail task(@PathParam("id") long id, @PathParam("task") long task,
            IncidentRequests.TaskChange body) {
        if (body == null) {
            throw IncidentProblem.invalid("body: state or owner");
        }
        tasks.update(currentUser.user(), id, task, body.version(), body.state(), body.owner());
        return detail(id);
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    @Operation(summary = "Attach a file (form field 'file'): at most 10 MiB, its bytes matching its content type")
    public Response attach(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        attachments.attach(currentUser.user(), id, Uploads.read(file));
        return Response.status(201).entity(detail(id)).build();
    }

    @GET
    @Path("/{id}/attachments/{attachment}")
    @Produces(MediaType.WILDCARD)
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    @Operation(summary = "An attachment's bytes, as a download; its SHA-256 in X-Content-SHA256")
    public Response attachment(@PathParam("id") long id, @PathParam("attachment") long attachment) {
        return attachments.download(id, attachment).map(Uploads::response)
                .orElseGet(() -> JsonProblems.of(404, "no attachment " + attachment + " in " + IncidentView.ref(id)));
    }

    @PUT
    @Path("/{id}/watchers/me")
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    @Operation(summary = "Watch the incident")
    public IncidentView.Detail watch(@PathParam("id") long id) {
        evidence.watch(currentUser.user(), id, true);
        return detail(id);
    }

    @DELETE
    @Path("/{id}/watchers/me")
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    @Operation(summary = "Stop watching the incident")
    public IncidentView.Detail unwatch(@PathParam("id") long id) {
        evidence.watch(currentUser.user(), id, false);
        return detail(id);
    }

    @GET
    @Path("/handlers")
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    @Operation(summary = "Who may be assigned incidents (the holders of the incident-handler role in Keycloak)")
    public Response handlers() {
        try {
            return Response.ok(handlers.handlers()).build();
        } catch (HandlerDirectory.Unavailable e) {
            return JsonProblems.of(503, e.getMessage());
        }
    }

    private IncidentView.Detail detail(long id) {
        return queries.one(currentUser.user(), id).orElseThrow(() -> IncidentProblem.notFound(id));
    }

    private static int version(Integer version) {
        if (version == null) {
            throw IncidentProblem.invalid("version: the version of the incident you last read");
        }
        return version;
    }
}
