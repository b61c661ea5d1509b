package io.vigil.detect.rules;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission;
import io.vigil.web.JsonProblems;

/** How long an alert keeps taking a rule's repeats, per rule and per pack ({@link AlertSuppression}). */
@Path("/api/alert-suppression")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class AlertSuppressionResource {

    /** {@code {"suppression": "30m"}}, or null to inherit. */
    public record Setting(String suppression) {
    }

    private final AlertSuppression suppression;

    AlertSuppressionResource(AlertSuppression suppression) {
        this.suppression = suppression;
    }

    @POST
    @Path("rules/{id}")
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    @Operation(summary = "Set a rule's suppression window (30m, 2h, 1d), or null to inherit its pack's")
    public Response rule(@PathParam("id") String id, Setting setting) {
        String value = setting == null ? null : setting.suppression();
        return AlertSuppression.problem(value).map(p -> JsonProblems.of(400, p))
                .orElseGet(() -> suppression.setForRule(id, value)
                        ? Response.noContent().build()
                        : JsonProblems.of(404, "no rule " + id));
    }

    @POST
    @Path("packs/{name}")
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    @Operation(summary = "Set a pack's suppression window (30m, 2h, 1d), or null for the server's default")
    public Response pack(@PathParam("name") String name, Setting setting) {
        String value = setting == null ? null : setting.suppression();
        return AlertSuppression.problem(value).map(p -> JsonProblems.of(400, p))
                .orElseGet(() -> suppression.setForPack(name, value)
                        ? Response.noContent().build()
                        : JsonProblems.of(404, "no pack " + name));
    }
}
