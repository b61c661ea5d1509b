package io.vigil.incident;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.HandlerDirectory;
import io.vigil.access.Permission;
import io.vigil.detect.alert.AlertQueries;

/**
 * The incident list (views mine, unassigned and breaching with their counts, filters, sorting, SLA flags) and
 * an incident's page, whose forms post here. A refused change answers 422 with what and why, shown in place;
 * a change that went through reloads the page, so what others changed meanwhile shows too.
 */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class IncidentPages {

    static final int PAGE_SIZE = 100;

    private final IncidentService incidents;
    private final IncidentEvidence evidence;
    private final IncidentTasks tasks;
    private final IncidentAttachments attachments;
    private final IncidentQueries queries;
    private final AlertQueries alerts;
    private final Playbooks playbooks;
    private final HandlerDirectory handlers;
    private final CurrentUser currentUser;

    IncidentPages(IncidentService incidents, IncidentEvidence evidence, IncidentTasks tasks,
            IncidentAttachments attachments, IncidentQueries queries, AlertQueries alerts, Playbooks playbooks,
            HandlerDirectory handlers, CurrentUser currentUser) {
        this.playbooks = playbooks;
        this.attachments = attachments;
        this.alerts = alerts;
        this.incidents = incidents;
        this.evidence = evidence;
        this.tasks = tasks;
        this.queries = queries;
        this.handlers = handlers;
        this.currentUser = currentUser;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(IncidentList list, IncidentQueries.Page page,
                List<Playbooks.View> playbooks,
                String problem);

        static native TemplateInstance incident(IncidentView.Detail detail, IncidentPage page);

        static native TemplateInstance board(List<Column> columns, boolean canWork);

        static native TemplateInstance report(IncidentView.Detail detail, IncidentPage page, String now);
    }

    @GET
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    public TemplateInstance list(@QueryParam("view") @DefaultValue("all") String view,
            @QueryParam("state") @DefaultValue("open") String state, @QueryParam("severity") String severity,
            @QueryParam("type") String type, @QueryParam("sort") @DefaultValue("updated") String sort,
            @QueryParam("dir") @DefaultValue("desc") String dir, @QueryParam("offset") @DefaultValue("0") int offset) {
        var list = new IncidentList(view, state, severity == null ? "" : severity, type == null ? "" : type, sort,
                dir, Math.max(0, offset));
        List<Playbooks.View> types = playbooks.all();
        String problem = list.problem();
        if (problem != null) {
            return Templates.list(list, new IncidentQueries.Page(List.of(), 0, java.util.Map.of(),
                    java.util.Map.of()), types, problem);
        }
        var page = queries.page(currentUser.user(), list.filter(), list.offset(), PAGE_SIZE);
        return Templates.list(list, page, types, null);
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    public TemplateInstance incident(@PathParam("id") long id) {
        var detail = queries.one(currentUser.user(), id).orElseThrow(() -> new NotFoundException("no incident " + id));
        List<HandlerDirectory.Person> people;
        String directoryProblem = null;
        try {
            people = handlers.handlers();
        } catch (HandlerDirectory.Unavailable e) {
            people = List.of();
            directoryProblem = e.getMessage();
        }
        java.util.Map<String, Long> falsePositives = new java.util.TreeMap<>();
        detail.alerts().forEach(a -> falsePositives.computeIfAbsent(a.rule().title(),
                title -> alerts.falsePositives(currentUser.user(), a.rule().id())));
        return Templates.incident(detail, new IncidentPage(detail, currentUser.user(), people, directoryProblem,
                falsePositives));
    }

    /** A column of the board: a state and its incidents (the most severe first, at most a page). */
    public record Column(String state, String label, long total, List<IncidentView> incidents) {
    }

    /** The board: a column per state but closed; handlers move cards by dragging or with their buttons. */
    @GET
    @Path("board")
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    public TemplateInstance board() {
        List<Column> columns = new java.util.ArrayList<>();
        for (IncidentState state : IncidentState.values()) {
            if (state == IncidentState.CLOSED) {
                continue;
            }
            var page = queries.incidents(currentUser.user(), new IncidentFilter("all", state.id(), "", "",
                    IncidentFilter.Order.SEVERITY, false), 0, PAGE_SIZE);
            columns.add(new Column(state.id(), state.label(), page.total(), page.incidents()));
        }
        return Templates.board(columns, currentUser.user().can(Permission.INCIDENTS_WORK));
    }

    /** The incident as a printable report (print it to PDF from the browser). */
    @GET
    @Path("{id}/report")
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    public TemplateInstance report(@PathParam("id") long id) {
        var detail = queries.one(currentUser.user(), id).orElseThrow(() -> new NotFoundException("no incident " + id));
        return Templates.report(detail,
                new IncidentPage(detail, currentUser.user(), List.of(), null, java.util.Map.of()),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    public Response create(@FormParam("title") String title, @FormParam("severity") String severity,
            @FormParam("type") String type, @FormParam("description") String description) {
        long id = incidents.create(currentUser.user(), new IncidentService.Draft(title, description, severity, type));
        return PageAnswers.go(id);
    }

    /** Escalation from the alert queue or an alert's page: into a new incident, or the one numbered. */
    @POST
    @Path("escalate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    public Response escalate(@FormParam("ids") List<String> ids, @FormParam("incident") String incident) {
        List<UUID> alerts;
        try {
            alerts = ids == null ? List.of() : ids.stream().map(UUID::fromString).toList();
        } catch (IllegalArgumentException e) {
            return PageAnswers.text(422, "ids: alert ids");
        }
        if (alerts.isEmpty()) {
            return PageAnswers.text(422, "Select the alerts to escalate first.");
        }
        Long into = PageAnswers.incidentNumber(incident, true);
        return PageAnswers
                .go(incidents.escalate(currentUser.user(), alerts, into, new IncidentService.Draft(null, null, null,
                        null)));
    }

    @POST
    @Path("{id}/state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    public Response move(@PathParam("id") long id, @FormParam("version") int version, @FormParam("to") String to,
            @FormParam("resolution") String resolution, @FormParam("summary") String summary,
            @FormParam("closeAlerts") String closeAlerts) {
        incidents.transition(currentUser.user(), id, version, to, resolution, summary, "on".equals(closeAlerts));
        return PageAnswers.reload();
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    public Response edit(@PathParam("id") long id, @FormParam("version") int version, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("severity") String severity,
            @FormParam("type") String type) {
        incidents.edit(currentUser.user(), id, version, new IncidentService.Edit(title, description, severity, type));
        return PageAnswers.reload();
    }

    @POST
    @Path("{id}/assignee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_ASSIGN)
    public Response assign(@PathParam("id") long id, @FormParam("version") int version,
            @FormParam("assignee") String assignee) {
        incidents.assign(currentUser.user(), id, version, assignee);
        return PageAnswers.reload();
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    public Response comment(@PathParam("id") long id, @FormParam("body") String body) {
        evidence.comment(currentUser.user(), id, body);
        return PageAnswers.reload();
    }

    @POST
    @Path("{id}/observables")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    public Response observable(@PathParam("id") long id, @FormParam("kind") String kind,
            @FormParam("value") String value) {
        return evidence.observable(currentUser.user(), id, kind, value)
                ? PageAnswers.reload()
                : PageAnswers.text(422, "The incident already has this observable.");
    }

    /** "Add to incident" from the search page's event panel: the incident by number ({@code 42} or {@code INC-42}). */
    @POST
    @Path("pin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    public Response pin(@FormParam("incident") String incident, @FormParam("index") String index,
            @FormParam("event") String event) {
        long id = PageAnswers.incidentNumber(incident, false);
        boolean added = evidence.pin(currentUser.user(), id, index, event);
        return PageAnswers.text(200,
                added ? "Added to " + IncidentView.ref(id) + "." : "Already in " + IncidentView.ref(id) + ".");
    }

    @POST
    @Path("{id}/tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    public Response addTask(@PathParam("id") long id, @FormParam("title") String title) {
        tasks.add(currentUser.user(), id, title, "");
        return PageAnswers.reload();
    }

    @POST
    @Path("{id}/tasks/{task}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    public Response task(@PathParam("id") long id, @PathParam("task") long task, @FormParam("version") Integer version,
            @FormParam("state") String state, @FormParam("owner") String owner) {
        tasks.update(currentUser.user(), id, task, version, state, owner);
        return PageAnswers.reload();
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    public Response attach(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        attachments.attach(currentUser.user(), id, Uploads.read(file));
        return PageAnswers.reload();
    }

    @GET
    @Path("{id}/attachments/{attachment}")
    @Produces(MediaType.WILDCARD)
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    public Response attachment(@PathParam("id") long id, @PathParam("attachment") long attachment) {
        return attachments.download(id, attachment).map(Uploads::response)
                .orElseThrow(() -> new NotFoundException("no attachment " + attachment));
    }

    @POST
    @Path("{id}/watch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    public Response watch(@PathParam("id") long id, @FormParam("on") boolean on) {
        evidence.watch(currentUser.user(), id, on);
        return PageAnswers.reload();
    }
}
