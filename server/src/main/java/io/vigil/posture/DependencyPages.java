package io.vigil.posture;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission;

/** The state of the dependencies on the Admin page (a fragment it loads), from the same checks as the API. */
@Path("/admin/dependencies")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class DependencyPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance dependencies(List<DependenciesResource.DependencyView> dependencies);
    }

    private final DependenciesResource dependencies;

    DependencyPages(DependenciesResource dependencies) {
        this.dependencies = dependencies;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance dependencies() {
        return Templates.dependencies(dependencies.dependencies());
    }
}
