package io.vigil.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns the realm roles of a signed-in user into Vigil permissions, so that
 * {@code @PermissionsAllowed} checks permissions and the role table stays in one place.
 */
@ApplicationScoped
public class PermissionAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(VigilUser.PERMISSIONS_ATTRIBUTE) != null) {
            // anonymous, or a machine identity (ingest token) whose mechanism granted its permissions
            return Uni.createFrom().item(identity);
        }
        Set<Permission> granted = permissionsOf(identity.getRoles());
        List<StringPermission> checkable = granted.stream().map(PermissionAugmentor::asStringPermission).toList();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addPermissionChecker(requested -> Uni.createFrom().item(
                        checkable.stream().anyMatch(permission -> permission.implies(requested))))
                .addAttribute(VigilUser.PERMISSIONS_ATTRIBUTE, granted)
                .build());
    }

    /**
     * Quarkus reads {@code @PermissionsAllowed("events:read")} as permission "events" with action
     * "read"; the granted permission must be built the same way to imply it.
     */
    public static StringPermission asStringPermission(Permission permission) {
        String[] parts = permission.value().split(":", 2);
        return parts.length == 2 ? new StringPermission(parts[0], parts[1]) : new StringPermission(parts[0]);
    }

    static Set<Permission> permissionsOf(Set<String> realmRoles) {
        return RolePermissions.of(realmRoles.stream().map(Role::ofRealmRole).flatMap(Optional::stream)
                .collect(Collectors.toSet()));
    }
}
