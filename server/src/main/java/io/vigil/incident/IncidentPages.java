package io.vigil.incident;

import java.net.URI;
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

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.HandlerDirectory;
import io.vigil.access.Permission;
import io.vigil.web.HtmlText;

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
    private final IncidentQueries queries;
    private final HandlerDirectory handlers;
    private final CurrentUser currentUser;

    IncidentPages(IncidentService incidents, IncidentEvidence evidence, IncidentTasks tasks, IncidentQueries queries,
            HandlerDirectory handlers, CurrentUser currentUser) {
        this.incidents = incidents;
        this.evidence = evidence;
        this.tasks = tasks;
        this.queries = queries;
        this.handlers = handlers;
        this.currentUser = currentUser;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(IncidentList list, IncidentQueries.Page page, List<Playbook> playbooks,
                String problem);

        static native TemplateInstance incident(IncidentView.Detail detail, IncidentPage page);
    }

    @ServerExceptionMapper
    Response refused(IncidentProblem problem) {
        return text(problem.status() == 404 ? 404 : 422, problem.getMessage());
    }

    @GET
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    public TemplateInstance list(@QueryParam("view") @DefaultValue("all") String view,
            @QueryParam("state") @DefaultValue("open") String state, @QueryParam("severity") String severity,
            @QueryParam("type") String type, @QueryParam("sort") @DefaultValue("updated") String sort,
            @QueryParam("dir") @DefaultValue("desc") String dir, @QueryParam("offset") @DefaultValue("0") int offset) {
        var list = new IncidentList(view, state, severity == null ? "" : severity, type == null ? "" : type, sort,
                dir, Math.max(0, offset));
        List<Playbook> playbooks = Playbook.<Playbook>listAll().stream()
                .sorted(java.util.Comparator.comparing(p -> p.title)).toList();
        String problem = list.problem();
        if (problem != null) {
            return Templates.list(list, new IncidentQueries.Page(List.of(), 0, java.util.Map.of(),
                    java.util.Map.of()), playbooks, problem);
        }
        var page = queries.page(currentUser.user(), list.filter(), list.offset(), PAGE_SIZE);
        return Templates.list(list, page, playbooks, null);
    }

    @GET
    @Path("{id: \\d+}")
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
        List<Playbook> playbooks = Playbook.<Playbook>listAll().stream()
                .sorted(java.util.Comparator.comparing(p -> p.title)).toList();
        return Templates.incident(detail, new IncidentPage(detail, currentUser.user(), people, directoryProblem,
                playbooks));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    public Response create(@FormParam("title") String title, @FormParam("severity") String severity,
            @FormParam("type") String type, @FormParam("description") String description) {
        long id = incidents.create(currentUser.user(), new IncidentService.Draft(title, description, severity, type));
        return go(id);
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
            return text(422, "ids: alert ids");
        }
        if (alerts.isEmpty()) {
            return text(422, "Select the alerts to escalate first.");
        }
        Long into = null;
        String number = incident == null ? "" : incident.strip().replaceFirst("(?i)^INC-", "");
        if (!number.isEmpty()) {
            try {
                into = Long.parseLong(number);
            } catch (NumberFormatException e) {
                return text(422, "incident: a number such as 42 or INC-42, or empty for a new incident");
            }
        }
        return go(incidents.escalate(currentUser.user(), alerts, into, new IncidentService.Draft(null, null, null,
                null)));
    }

    @POST
    @Path("{id: \\d+}/state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    public Response move(@PathParam("id") long id, @FormParam("version") int version, @FormParam("to") String to,
            @FormParam("resolution") String resolution, @FormParam("summary") String summary,
            @FormParam("closeAlerts") String closeAlerts) {
        incidents.transition(currentUser.user(), id, version, to, resolution, summary, "on".equals(closeAlerts));
        return reload();
    }

    @POST
    @Path("{id: \\d+}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    public Response edit(@PathParam("id") long id, @FormParam("version") int version, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("severity") String severity,
            @FormParam("type") String type) {
        incidents.edit(currentUser.user(), id, version, new IncidentService.Edit(title, description, severity, type));
        return reload();
    }

    @POST
    @Path("{id: \\d+}/assignee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_ASSIGN)
    public Response assign(@PathParam("id") long id, @FormParam("version") int version,
            @FormParam("assignee") String assignee) {
        incidents.assign(currentUser.user(), id, version, assignee);
        return reload();
    }

    @POST
    @Path("{id: \\d+}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    public Response comment(@PathParam("id") long id, @FormParam("body") String body) {
        evidence.comment(currentUser.user(), id, body);
        return reload();
    }

    @POST
    @Path("{id: \\d+}/observables")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    public Response observable(@PathParam("id") long id, @FormParam("kind") String kind,
            @FormParam("value") String value) {
        return evidence.observable(currentUser.user(), id, kind, value)
                ? reload()
                : text(422, "The incident already has this observable.");
    }

    /** "Add to incident" from the search page's event panel: the incident by number ({@code 42} or {@code INC-42}). */
    @POST
    @Path("pin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_OPEN)
    public Response pin(@FormParam("incident") String incident, @FormParam("index") String index,
            @FormParam("event") String event) {
        long id;
        try {
            id = Long.parseLong((incident == null ? "" : incident).strip().replaceFirst("(?i)^INC-", ""));
        } catch (NumberFormatException e) {
            return text(422, "incident: a number such as 42 or INC-42");
        }
        boolean added = evidence.pin(currentUser.user(), id, index, event);
        return text(200, added ? "Added to " + IncidentView.ref(id) + "." : "Already in " + IncidentView.ref(id) + ".");
    }

    @POST
    @Path("{id: \\d+}/tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    public Response addTask(@PathParam("id") long id, @FormParam("title") String title) {
        tasks.add(currentUser.user(), id, title, "");
        return reload();
    }

    @POST
    @Path("{id: \\d+}/tasks/{task: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_WORK)
    public Response task(@PathParam("id") long id, @PathParam("task") long task, @FormParam("seen") String seen,
            @FormParam("state") String state, @FormParam("owner") String owner) {
        tasks.update(currentUser.user(), id, task, seen, state, owner);
        return reload();
    }

    @POST
    @Path("{id: \\d+}/watch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    public Response watch(@PathParam("id") long id, @FormParam("on") boolean on) {
        evidence.watch(currentUser.user(), id, on);
        return reload();
    }

    private static Response go(long id) {
        return Response.ok("Opening " + IncidentView.ref(id), MediaType.TEXT_HTML_TYPE)
                .header("HX-Location", URI.create("/incidents/" + id).toString()).build();
    }

    private static Response reload() {
        return Response.ok("Saved", MediaType.TEXT_HTML_TYPE).header("HX-Refresh", "true").build();
    }

    /**
     * A short answer that htmx places in the page. Messages may quote what the user typed (a refused comment's
     * HTML), so they go out escaped, as HTML.
     */
    private static Response text(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(HtmlText.escape(message)).build();
    }
}
