package io.vigil.posture;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission;

/**
 * The state of Vigil's dependencies for administrators, from the same checks as readiness; the
 * health endpoints themselves live on the management port, out of users' reach.
 */
@Path("/api/admin/dependencies")
@Produces(MediaType.APPLICATION_JSON)
public class DependenciesResource {

    /** One dependency: its name, UP or DOWN, and what its check found. */
    public record DependencyView(String name, String status, Map<String, Object> details) {
    }

    private final Instance<HealthCheck> checks;

    DependenciesResource(@Readiness Instance<HealthCheck> checks) {
        this.checks = checks;
    }

    @GET
    @Blocking
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "State of OpenSearch, PostgreSQL and Keycloak as this server sees them")
    public List<DependencyView> dependencies() {
        return checks.stream().map(HealthCheck::call)
                .map(result -> new DependencyView(result.getName(), result.getStatus().name(),
                        result.getData().orElse(Map.of())))
                .sorted(java.util.Comparator.comparing(DependencyView::name))
                .toList();
    }
}
