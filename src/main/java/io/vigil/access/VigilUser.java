package io.vigil.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user as the rest of Vigil sees it: a display name, Vigil roles and permissions.
 * Built from the security identity of the current request.
 */
public record VigilUser(String subject, String username, String displayName, List<Role> roles,
        Set<Permission> permissions) {

    /** Identity attribute holding the granted {@code Set<Permission>}. */
    public static final String PERMISSIONS_ATTRIBUTE = "vigil.permissions";

    /** The permissions in the enum's order, for display. */
    public List<Permission> sortedPermissions() {
        return permissions.stream().sorted().toList();
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    public static VigilUser of(SecurityIdentity identity) {
        Set<Permission> permissions = identity.getAttribute(PERMISSIONS_ATTRIBUTE);
        List<Role> roles = identity.getRoles().stream().map(Role::ofRealmRole).flatMap(Optional::stream)
                .sorted().toList();
        String username = identity.getPrincipal().getName();
        String subject = username;
        String displayName = username;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            subject = Optional.ofNullable(token.getSubject()).orElse(username);
            username = Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(username);
            displayName = Optional.ofNullable(token.<String>getClaim("name")).orElse(username);
        }
        return new VigilUser(subject, username, displayName, roles,
                permissions == null ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }
}
