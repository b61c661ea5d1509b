package io.vigil.ingest.source;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;

/** Administration of event sources and their ingest tokens. */
@Path("/api/admin/sources")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SourceResource {

    private final SourceService sources;
    private final CurrentUser currentUser;

    SourceResource(SourceService sources, CurrentUser currentUser) {
        this.sources = sources;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "All sources (tokens are never shown again, only a hint)")
    public List<SourceView> list() {
        return sources.list();
    }

    @GET
    @Path("{name}")
    @PermissionsAllowed(Permission.Names.ADMIN)
    public SourceView get(@PathParam("name") String name) {
        return sources.find(name).orElseThrow(() -> new NotFoundException("no source named " + name));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Create a source; the answer holds its ingest token, shown this once")
    public Response create(SourceRequest request) {
        if (request == null) {
            throw new InvalidSourceException(List.of("body: a JSON object with name, type, scope, retentionDays"));
        }
        var issued = sources.create(request, currentUser.user().username());
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @POST
    @Path("{name}/token")
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Issue a new ingest token for the source; the old one stops working")
    public SourceService.IssuedToken rotate(@PathParam("name") String name) {
        return sources.rotateToken(name).orElseThrow(() -> new NotFoundException("no source named " + name));
    }

    /** The body of the detection switch. */
    public record Detection(boolean enabled) {
    }

    @POST
    @Path("{name}/detection")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Run detection rules on this source's events, or not; rules and other sources are untouched")
    public SourceView setDetection(@PathParam("name") String name, Detection body) {
        return sources.setDetection(name, body.enabled())
                .orElseThrow(() -> new NotFoundException("no source named " + name));
    }

    /** The body of a move to another data scope. */
    public record Scope(String scope) {
    }

    @POST
    @Path("{name}/scope")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Move the source to another data scope: its events are then read by that scope's users")
    public SourceView setScope(@PathParam("name") String name, Scope body) {
        if (body == null) {
            throw new InvalidSourceException(List.of("body: a JSON object with scope"));
        }
        return sources.setScope(name, body.scope()).orElseThrow(() -> new NotFoundException("no source named " + name));
    }

    @DELETE
    @Path("{name}")
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Delete the source definition (its stored events stay until retention)")
    public Response delete(@PathParam("name") String name) {
        if (!sources.delete(name)) {
            throw new NotFoundException("no source named " + name);
        }
        return Response.noContent().build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidSourceException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", 400, "error", "Invalid source", "problems", e.problems())).build();
    }
}
