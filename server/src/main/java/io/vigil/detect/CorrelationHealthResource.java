package io.vigil.detect;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission;

/** A correlation rule's health for programs: what its rule page shows. */
@Path("/api/rules/{id}/health")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CorrelationHealthResource {

    private final CorrelationHealthPages pages;

    CorrelationHealthResource(CorrelationHealthPages pages) {
        this.pages = pages;
    }

    @GET
    @PermissionsAllowed(Permission.Names.RULES_READ)
    @Operation(summary = "A correlation rule's health: in force, evaluated through, lag, state, late and ungrouped inputs")
    public CorrelationHealth.View health(@PathParam("id") String id) {
        return pages.view(id);
    }
}
