package io.vigil.detect.alert;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;

/**
 * Alerts the system raised about itself (a correlation rule fell behind or shed state), on the Admin
 * page: admins read no other alerts, but these are theirs to see to and close.
 */
@Path("/admin/system-alerts")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SystemAlertPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance systemAlerts(List<AlertView> alerts);
    }

    private final AlertQueries queries;
    private final AlertTriage triage;
    private final CurrentUser currentUser;

    SystemAlertPages(AlertQueries queries, AlertTriage triage, CurrentUser currentUser) {
        this.queries = queries;
        this.triage = triage;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance list() {
        return Templates.systemAlerts(queries.openSystem());
    }

    @POST
    @Path("{id}/close")
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance close(@PathParam("id") UUID id) {
        triage.closeSystem(currentUser.user(), id);
        return Templates.systemAlerts(queries.openSystem());
    }
}
