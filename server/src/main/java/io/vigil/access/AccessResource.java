package io.vigil.access;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** The caller's own identity as Vigil sees it. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {

    /** The caller: names, Vigil roles and the permissions they grant. */
    public record MeView(String username, String displayName, List<String> roles, List<String> permissions) {
    }

    private final CurrentUser currentUser;

    AccessResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.CONSOLE_USE)
    @Operation(summary = "Who am I: roles and permissions of the caller")
    public MeView me() {
        VigilUser user = currentUser.user();
        return new MeView(user.username(), user.displayName(), user.roles().stream().map(Role::realmRole).toList(),
                user.permissions().stream().map(Permission::value).toList());
    }
}
