package io.vigil.detect.alert;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.event.Level;
import io.vigil.search.TimeRange;

/**
 * The alert queue (what needs an analyst now, open alerts first by default, with counts per level, bulk
 * and keyboard triage, new alerts announced without a reload) and an alert's own page.
 */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AlertPages {

    private final AlertQueries queries;
    private final AlertTriage triage;
    private final CurrentUser currentUser;

    AlertPages(AlertQueries queries, AlertTriage triage, CurrentUser currentUser) {
        this.queries = queries;
        this.triage = triage;
        this.currentUser = currentUser;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance queue(AlertQueue queue, AlertQueries.Page page, List<String> levels,
                List<String> states, List<TimeRange.Preset> presets, boolean canTriage, String newest,
                String problem);

        static native TemplateInstance queue$newer(long changed, String queueUrl);

        static native TemplateInstance alert(AlertView.Detail detail, AlertLinks links, boolean canTriage);

        static native TemplateInstance alert$panel(AlertView.Detail detail, AlertLinks links, boolean canTriage,
                boolean onPage);
    }

    @GET
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    public TemplateInstance queue(@QueryParam("level") String level, @QueryParam("state") String state,
            @QueryParam("rule") String rule, @QueryParam("assignee") String assignee,
            @QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("sort") String sort,
            @QueryParam("dir") String dir, @QueryParam("offset") @DefaultValue("0") int offset) {
        var queue = new AlertQueue(orEmpty(level), state == null ? "open" : state, orEmpty(rule), orEmpty(assignee),
                orEmpty(source), orEmpty(from), orEmpty(sort), "asc".equals(dir) ? "asc" : "", Math.max(0, offset));
        boolean canTriage = currentUser.user().can(Permission.ALERTS_TRIAGE);
        String problem = null;
        if (!queue.level().isEmpty() && Level.of(queue.level()).isEmpty()) {
            problem = "level: one of " + String.join(", ", Level.IDS);
        } else if (!AlertQueue.STATES.contains(queue.state())) {
            problem = "state: one of open, new, acknowledged, escalated, closed, all";
        }
        Instant since = null;
        if (problem == null && !queue.from().isEmpty()) {
            try {
                since = TimeRange.parse(queue.from(), "now", Instant.now()).from();
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            return Templates.queue(queue, new AlertQueries.Page(List.of(), 0, java.util.Map.of()), Level.IDS,
                    AlertQueue.STATES, TimeRange.PRESETS, canTriage, "", problem);
        }
        var page = queries.page(currentUser.user(), filter(queue, since), queue.offset(), AlertQueue.PAGE_SIZE);
        String newest = page.alerts().stream().map(a -> a.updated().toString()).max(String::compareTo)
                .orElse(Instant.now().toString());
        return Templates.queue(queue, page, Level.IDS, AlertQueue.STATES, TimeRange.PRESETS, canTriage, newest,
                null);
    }

    private static AlertFilter filter(AlertQueue q, Instant since) {
        return new AlertFilter(since, null, q.rule(), q.state().equals("all") ? null : q.state(), q.level(),
                q.assignee(), q.source(), q.order(), q.dir().equals("asc"));
    }

    /** How many alerts of the queue's filters changed since the page was drawn (polled by the page). */
    @GET
    @Path("newer")
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    public TemplateInstance newer(@QueryParam("since") String since, @QueryParam("level") String level,
            @QueryParam("state") String state, @QueryParam("rule") String rule,
            @QueryParam("assignee") String assignee, @QueryParam("source") String source) {
        var queue = new AlertQueue(orEmpty(level), state == null ? "open" : state, orEmpty(rule), orEmpty(assignee),
                orEmpty(source), "", "", "", 0);
        Instant after;
        try {
            after = Instant.parse(since);
        } catch (RuntimeException e) {
            return Templates.queue$newer(0, queue.url());
        }
        long count = queries.changedSince(currentUser.user(), filter(queue, null), after);
        return Templates.queue$newer(count, queue.url());
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    public TemplateInstance alert(@PathParam("id") String id) {
        var detail = detail(id);
        return Templates.alert(detail, new AlertLinks(detail), currentUser.user().can(Permission.ALERTS_TRIAGE));
    }

    @GET
    @Path("{id}/panel")
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    public TemplateInstance panel(@PathParam("id") String id) {
        var detail = detail(id);
        return Templates.alert$panel(detail, new AlertLinks(detail),
                currentUser.user().can(Permission.ALERTS_TRIAGE), false);
    }

    private AlertView.Detail detail(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no alert " + id);
        }
        return queries.one(currentUser.user(), uuid).orElseThrow(() -> new NotFoundException("no alert " + id));
    }

    /** Triage from the queue's bulk bar or an alert's page; answers what it did (htmx refreshes the page). */
    @POST
    @Path("triage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.ALERTS_TRIAGE)
    public Response triage(@FormParam("ids") List<String> ids, @FormParam("action") String action,
            @FormParam("reason") String reason, @FormParam("back") String back) {
        List<UUID> chosen;
        try {
            chosen = ids == null ? List.of() : ids.stream().map(UUID::fromString).toList();
        } catch (IllegalArgumentException e) {
            return text(422, "ids: alert ids");
        }
        if (chosen.isEmpty() || chosen.size() > AlertQueue.PAGE_SIZE) {
            return text(422, "Select 1 to " + AlertQueue.PAGE_SIZE + " alerts first.");
        }
        List<AlertTriage.Outcome> outcomes;
        try {
            if ("assign-me".equals(action)) {
                outcomes = triage.assign(currentUser.user(), chosen, currentUser.user().username());
            } else {
                Optional<AlertTriage.Action> chosenAction = AlertTriage.Action.of(orEmpty(action));
                if (chosenAction.isEmpty()) {
                    return text(422, "action: acknowledge, close, reopen or assign-me");
                }
                outcomes = triage.apply(currentUser.user(), chosen, chosenAction.get(), reason);
            }
        } catch (IllegalArgumentException e) {
            return text(422, "Closing needs a reason: true positive, false positive or benign.");
        }
        long done = outcomes.stream().filter(o -> o.problem() == null).count();
        String skipped = outcomes.stream().filter(o -> o.problem() != null).map(AlertTriage.Outcome::problem)
                .distinct().reduce((a, b) -> a + "; " + b).map(p -> " (" + (outcomes.size() - done) + " not: " + p
                        + ")")
                .orElse("");
        var answer = Response.ok(done + " of " + outcomes.size() + " alerts changed" + skipped,
                MediaType.TEXT_PLAIN_TYPE);
        return back != null && back.startsWith("/alerts") && !back.startsWith("//")
                ? answer.header("HX-Location", URI.create(back).toString()).build()
                : answer.header("HX-Refresh", "true").build();
    }

    private static Response text(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(message).build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
