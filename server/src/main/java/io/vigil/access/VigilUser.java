package io.vigil.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user as the rest of Vigil sees it: a display name, Vigil roles and permissions, the
 * data scopes the token names ({@code scopes}, empty when it names none) and the sources those
 * scopes hold ({@code sourceScope}, empty when the user may read every source). Built from the
 * security identity of the current request; {@link #withSources} resolves the scopes to sources.
 */
public record VigilUser(String subject, String username, String displayName, List<Role> roles,
        Set<Permission> permissions, Optional<Set<String>> scopes, Optional<Set<String>> sourceScope) {

    /**
     * The token claim naming the user's data scopes (the demo realm fills it from Keycloak groups);
     * without it, {@link AccessConfig#unscoped()} decides.
     */
    public static final String SCOPES_CLAIM = "vigil_scopes";

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
        Optional<Set<String>> scope = Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            scope = scope(token.getClaim(SCOPES_CLAIM));
            subject = Optional.ofNullable(token.getSubject()).orElse(username);
            username = Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(username);
            displayName = Optional.ofNullable(token.<String>getClaim("name")).orElse(username);
        }
        // until resolved, a scoped user reads nothing: a forgotten resolution fails closed
        return new VigilUser(subject, username, displayName, roles,
                permissions == null ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions), scope,
                scope.isPresent() ? Optional.of(Set.of()) : Optional.empty());
    }

    /** This user with the sources their scopes hold, or with every source or none when they name no scope. */
    public VigilUser withSources(ScopeSources directory, AccessConfig.Unscoped unscoped) {
        Optional<Set<String>> sources = scopes.isPresent()
                ? Optional.of(Set.copyOf(directory.sourcesIn(scopes.get())))
                : unscoped == AccessConfig.Unscoped.ALL ? Optional.empty() : Optional.of(Set.of());
        return new VigilUser(subject, username, displayName, roles, permissions, scopes, sources);
    }

    /** A claim of scope names: a JSON array, or one string of names separated by commas or spaces. */
    public static Optional<Set<String>> scope(Object claim) {
        if (claim == null) {
            return Optional.empty();
        }
        Set<String> sources = new TreeSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> sources.add(unquoted(String.valueOf(v))));
        } else {
            for (String part : String.valueOf(claim).split("[,\\s]+")) {
                sources.add(unquoted(part));
            }
        }
        sources.remove("");
        return Optional.of(Set.copyOf(sources));
    }

    /** Array claims come as JSON values, strings with their quotes. */
    private static String unquoted(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
