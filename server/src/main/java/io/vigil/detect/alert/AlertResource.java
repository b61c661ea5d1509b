package io.vigil.detect.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.event.Level;
import io.vigil.search.TimeRange;
import io.vigil.web.JsonProblems;

/** Alerts for programs: the queue filtered and sorted, one alert with its events, and triage. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AlertResource {

    static final int MAX_LIMIT = 1_000;

    private final AlertQueries queries;
    private final AlertTriage triage;
    private final CurrentUser currentUser;

    AlertResource(AlertQueries queries, AlertTriage triage, CurrentUser currentUser) {
        this.queries = queries;
        this.triage = triage;
        this.currentUser = currentUser;
    }

    /** A triage request: the alerts, and the action with its reason, or the assignee. */
    public record Change(List<UUID> ids, String action, String reason, String assignee) {
    }

    @GET
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    @Operation(summary = "Alerts in the caller's scope, newest last event first; the total is in X-Total-Count")
    public Response list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("rule") String rule,
            @QueryParam("state") String state, @QueryParam("level") String level,
            @QueryParam("assignee") String assignee, @QueryParam("source") String source,
            @QueryParam("sort") @DefaultValue("last") String sort, @QueryParam("dir") @DefaultValue("desc") String dir,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            return JsonProblems.of(400, "limit: between 1 and " + MAX_LIMIT + "; offset: 0 or more");
        }
        if (state != null && !state.isBlank() && AlertState.of(state).isEmpty()) {
            return JsonProblems.of(400, "state: one of new, acknowledged, closed, escalated");
        }
        if (level != null && !level.isBlank() && Level.of(level).isEmpty()) {
            return JsonProblems.of(400, "level: one of " + String.join(", ", Level.IDS));
        }
        var order = java.util.Arrays.stream(AlertFilter.Order.values()).filter(o -> o.name().equalsIgnoreCase(sort))
                .findFirst();
        if (order.isEmpty()) {
            return JsonProblems.of(400, "sort: one of last, first, level, count, rule, state");
        }
        Instant since;
        Instant until;
        try {
            TimeRange range = TimeRange.parse(blank(from) ? TimeRange.ALL_TIME : from, blank(to) ? "now" : to,
                    Instant.now());
            since = range.from();
            until = range.to();
        } catch (IllegalArgumentException e) {
            return JsonProblems.of(400, e.getMessage());
        }
        var filter = new AlertFilter(since, until, rule, state, level, assignee, source, order.get(),
                "asc".equalsIgnoreCase(dir));
        var page = queries.page(currentUser.user(), filter, offset, limit);
        return Response.ok(page.alerts()).header("X-Total-Count", page.total()).build();
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    @Operation(summary = "One alert with the events behind it")
    public Response one(@PathParam("id") String id) {
        UUID uuid = uuid(id);
        return (uuid == null ? java.util.Optional.<AlertView.Detail>empty() : queries.one(currentUser.user(), uuid))
                .map(detail -> Response.ok(detail).build())
                .orElseGet(() -> JsonProblems.of(404, "no alert " + id));
    }

    @POST
    @Path("/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.ALERTS_TRIAGE)
    @Operation(summary = "Acknowledge, close (with a reason), reopen or assign alerts; "
            + "escalate them with POST /api/incidents/escalate")
    public Response triage(Change change) {
        if (change == null || change.ids() == null || change.ids().isEmpty() || change.ids().size() > MAX_LIMIT) {
            return JsonProblems.of(400, "ids: 1 to " + MAX_LIMIT + " alert ids");
        }
        try {
            if (change.action() == null || change.action().isBlank()) {
                return JsonProblems.of(400, "action: acknowledge, close, reopen or assign");
            }
            if (change.action().equalsIgnoreCase("escalate")) {
                return JsonProblems.of(400,
                        "action: escalate alerts into an incident with POST /api/incidents/escalate");
            }
            if (change.action().equalsIgnoreCase("assign")) {
                return Response.ok(triage.assign(currentUser.user(), change.ids(), change.assignee())).build();
            }
            var action = AlertTriage.Action.of(change.action());
            if (action.isEmpty()) {
                return JsonProblems.of(400, "action: acknowledge, close, reopen or assign");
            }
            return Response.ok(triage.apply(currentUser.user(), change.ids(), action.get(), change.reason())).build();
        } catch (IllegalArgumentException e) {
            return JsonProblems.of(400, e.getMessage());
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
