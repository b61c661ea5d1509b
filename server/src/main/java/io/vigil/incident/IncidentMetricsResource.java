package io.vigil.incident;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission;
import io.vigil.search.TimeRange;
import io.vigil.web.JsonProblems;

/** The incident KPIs for posture: MTTA, MTTR and time to detect by stage. */
@Path("/api/posture/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class IncidentMetricsResource {

    private final IncidentMetrics metrics;

    IncidentMetricsResource(IncidentMetrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @PermissionsAllowed(Permission.Names.POSTURE_READ)
    @Operation(summary = "MTTA, MTTR and time to detect by stage, per period (day, week, month) and severity")
    public Response metrics(@QueryParam("from") @DefaultValue("now-30d") String from,
            @QueryParam("to") @DefaultValue("now") String to,
            @QueryParam("period") @DefaultValue("week") String period) {
        if (!IncidentMetrics.PERIODS.contains(period)) {
            return JsonProblems.of(400, "period: one of day, week, month");
        }
        try {
            var range = TimeRange.parse(from, to, java.time.Instant.now());
            return Response.ok(metrics.rows(period, range.from(), range.to())).build();
        } catch (IllegalArgumentException e) {
            return JsonProblems.of(400, e.getMessage());
        }
    }
}
