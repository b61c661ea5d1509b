package io.vigil.access;

import java.util.Arrays;
import java.util.Optional;

/** Vigil's roles, named exactly as the Keycloak realm roles that grant them. */
public enum Role {

    SOC_ANALYST("soc-analyst"),
    INCIDENT_HANDLER("incident-handler"),
    SOC_MANAGER("soc-manager"),
    DETECTION_ENGINEER("detection-engineer"),
    ADMIN("admin"),
    AUDITOR("auditor");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    /** The Vigil role for a realm role name; other realm roles (offline_access, …) are not Vigil's. */
    public static Optional<Role> ofRealmRole(String name) {
        return Arrays.stream(values()).filter(role -> role.realmRole.equals(name)).findFirst();
    }
}
