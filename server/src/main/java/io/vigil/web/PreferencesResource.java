package io.vigil.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission.Names;

/** The console's tables write the user's column widths and sort order here (see {@link Preferences}). */
@Path("/preferences/{key}")
@Blocking
public class PreferencesResource {

    private final Preferences preferences;

    PreferencesResource(Preferences preferences) {
        this.preferences = preferences;
    }

    @PUT
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @PermissionsAllowed(Names.CONSOLE_USE)
    public Response put(@PathParam("key") String key, String body) {
        try {
            preferences.put(key, body);
            return Response.noContent().build();
        } catch (IllegalArgumentException e) {
            return Response.status(422).type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build();
        }
    }
}
