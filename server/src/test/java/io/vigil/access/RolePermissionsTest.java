package io.vigil.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RolePermissionsTest {

    @Test
    void annotationConstantsMatchTheEnum() throws IllegalAccessException {
        for (Permission permission : Permission.values()) {
            Field constant = Arrays.stream(Permission.Names.class.getFields())
                    .filter(field -> field.getName().equals(permission.name())).findFirst().orElseThrow();
            assertThat(constant.get(null)).as(permission.name()).isEqualTo(permission.value());
        }
        assertThat(Permission.Names.class.getFields()).hasSameSizeAs(Permission.values());
    }

    @Test
    void everyRoleMayUseTheConsole() {
        for (Role role : Role.values()) {
            assertThat(RolePermissions.of(role)).as(role.name()).contains(Permission.CONSOLE_USE);
        }
    }

    @Test
    void managersReadPostureButNotRawEvents() {
        assertThat(RolePermissions.of(Role.SOC_MANAGER)).contains(Permission.POSTURE_READ)
                .doesNotContain(Permission.EVENTS_READ);
    }

    @Test
    void auditorsReadTheAuditTrailAndNothingOperational() {
        assertThat(RolePermissions.of(Role.AUDITOR)).isEqualTo(EnumSet.of(Permission.CONSOLE_USE,
                Permission.AUDIT_READ));
    }

    @Test
    void onlyDetectionEngineersWriteRules() {
        for (Role role : Role.values()) {
            assertThat(RolePermissions.of(role).contains(Permission.RULES_WRITE)).as(role.name())
                    .isEqualTo(role == Role.DETECTION_ENGINEER);
        }
    }

    @Test
    void unknownRealmRolesGrantNothing() {
        assertThat(PermissionAugmentor.permissionsOf(Set.of("offline_access", "uma_authorization"))).isEmpty();
        assertThat(PermissionAugmentor.permissionsOf(Set.of("soc-analyst", "auditor")))
                .containsAll(RolePermissions.of(Role.SOC_ANALYST))
                .contains(Permission.AUDIT_READ);
    }

    @Test
    void grantedPermissionImpliesTheAnnotationsReading() {
        var granted = PermissionAugmentor.asStringPermission(Permission.EVENTS_READ);
        assertThat(granted.implies(new io.quarkus.security.StringPermission("events", "read"))).isTrue();
        assertThat(granted.implies(new io.quarkus.security.StringPermission("events", "write"))).isFalse();
        assertThat(PermissionAugmentor.asStringPermission(Permission.ADMIN)
                .implies(new io.quarkus.security.StringPermission("admin"))).isTrue();
    }
}
