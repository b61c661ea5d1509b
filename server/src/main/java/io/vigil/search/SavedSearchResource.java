package io.vigil.search;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;

/** Saved searches for programs: the caller's own and everyone's shared ones, to run with {@code /api/search}. */
@Path("/api/saved-searches")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SavedSearchResource {

    private final SavedSearchService saved;
    private final CurrentUser currentUser;

    SavedSearchResource(SavedSearchService saved, CurrentUser currentUser) {
        this.saved = saved;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    @Operation(summary = "The caller's saved searches and the shared ones, by name")
    public List<SavedSearchView> list() {
        return saved.visible(currentUser.user());
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    @Operation(summary = "One saved search: its query, range and columns")
    public SavedSearchView get(@PathParam("id") String id) {
        return saved.find(currentUser.user(), id).orElseThrow(() -> new NotFoundException("no saved search " + id));
    }
}
