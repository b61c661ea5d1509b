package io.vigil.access;

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
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<Permission> granted = permissionsOf(identity.getRoles());
        Set<String> names = granted.stream().map(Permission::value).collect(Collectors.toSet());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addPermissionChecker(requested -> Uni.createFrom().item(
                        requested instanceof StringPermission permission && names.contains(permission.getName())))
                .addAttribute(VigilUser.PERMISSIONS_ATTRIBUTE, granted)
                .build());
    }

    static Set<Permission> permissionsOf(Set<String> realmRoles) {
        return RolePermissions.of(realmRoles.stream().map(Role::ofRealmRole).flatMap(Optional::stream)
                .collect(Collectors.toSet()));
    }
}
