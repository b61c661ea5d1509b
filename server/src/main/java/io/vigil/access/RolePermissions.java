package io.vigil.access;

import static io.vigil.access.Permission.ADMIN;
import static io.vigil.access.Permission.ALERTS_READ;
import static io.vigil.access.Permission.ALERTS_TRIAGE;
import static io.vigil.access.Permission.AUDIT_READ;
import static io.vigil.access.Permission.CONSOLE_USE;
import static io.vigil.access.Permission.EVENTS_READ;
import static io.vigil.access.Permission.INCIDENTS_ASSIGN;
import static io.vigil.access.Permission.INCIDENTS_OPEN;
import static io.vigil.access.Permission.INCIDENTS_READ;
import static io.vigil.access.Permission.INCIDENTS_WORK;
import static io.vigil.access.Permission.POSTURE_READ;
import static io.vigil.access.Permission.RULES_READ;
import static io.vigil.access.Permission.RULES_WRITE;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table from roles to permissions (DESIGN.md §3). Least privilege: a manager reads
 * posture, not raw events; an auditor reads the audit trail and nothing operational; the admin
 * runs the platform but does not triage or read events unless also given an analyst role.
 */
public final class RolePermissions {

    private static final Map<Role, Set<Permission>> TABLE = new EnumMap<>(Role.class);

    static {
        TABLE.put(Role.SOC_ANALYST, EnumSet.of(CONSOLE_USE, EVENTS_READ, ALERTS_READ, ALERTS_TRIAGE,
                INCIDENTS_READ, INCIDENTS_OPEN, RULES_READ));
        TABLE.put(Role.INCIDENT_HANDLER, EnumSet.of(CONSOLE_USE, EVENTS_READ, ALERTS_READ, ALERTS_TRIAGE,
                INCIDENTS_READ, INCIDENTS_OPEN, INCIDENTS_WORK, INCIDENTS_ASSIGN));
        TABLE.put(Role.SOC_MANAGER, EnumSet.of(CONSOLE_USE, ALERTS_READ, INCIDENTS_READ, POSTURE_READ));
        TABLE.put(Role.DETECTION_ENGINEER, EnumSet.of(CONSOLE_USE, EVENTS_READ, ALERTS_READ,
                RULES_READ, RULES_WRITE));
        TABLE.put(Role.ADMIN, EnumSet.of(CONSOLE_USE, RULES_READ, POSTURE_READ, ADMIN));
        TABLE.put(Role.AUDITOR, EnumSet.of(CONSOLE_USE, AUDIT_READ));
    }

    private RolePermissions() {
    }

    public static Set<Permission> of(Role role) {
        return EnumSet.copyOf(TABLE.get(role));
    }

    /** The union of the permissions of the given roles; no role, no permission. */
    public static Set<Permission> of(Collection<Role> roles) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> granted.addAll(TABLE.get(role)));
        return granted;
    }
}
