package io.vigil.incident;

import java.util.Collection;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;

/** Playbooks and SLA targets: everyone who reads incidents sees them, admins change them. */
@Path("/api/incident-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class IncidentSettingsResource {

    /** A severity's targets in minutes (0: no target). */
    public record Targets(Integer acknowledgeMinutes, Integer resolveMinutes) {
    }

    private final Playbooks playbooks;
    private final Sla sla;
    private final CurrentUser currentUser;

    IncidentSettingsResource(Playbooks playbooks, Sla sla, CurrentUser currentUser) {
        this.playbooks = playbooks;
        this.sla = sla;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/playbooks")
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    @Operation(summary = "The playbooks: the tasks a new incident of each type starts with")
    public java.util.List<Playbooks.View> playbooks() {
        return playbooks.all();
    }

    @PUT
    @Path("/playbooks/{type}")
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Create or replace a type's playbook (incidents already open keep their tasks)")
    public Playbooks.View playbook(@PathParam("type") String type, Playbooks.View body) {
        return playbooks.save(currentUser.user(), type, body);
    }

    @GET
    @Path("/sla")
    @PermissionsAllowed(Permission.Names.INCIDENTS_READ)
    @Operation(summary = "Minutes to acknowledge and to resolve, per severity")
    public Collection<Sla.Target> targets() {
        return sla.targets().values();
    }

    @PUT
    @Path("/sla/{severity}")
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Set a severity's targets in minutes (0: no target)")
    public Sla.Target target(@PathParam("severity") String severity, Targets body) {
        if (body == null) {
            throw IncidentProblem.invalid("body: acknowledgeMinutes and resolveMinutes");
        }
        return playbooks.target(severity, body.acknowledgeMinutes(), body.resolveMinutes());
    }
}
