package io.vigil.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.access.Permission.Names;

/**
 * The console's home page and the entry page of each section. Each section's own feature package
 * takes its page over as the section is built; until then the entry page says what is coming, and
 * is guarded by the same permission the section will need.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance home(java.util.List<Permission> permissions);

        static native TemplateInstance section(Navigation.Item section, String summary);

        static native TemplateInstance admin();

        static native TemplateInstance signedOut();

        static native TemplateInstance signInError(String error, String description);
    }

    private final CurrentUser currentUser;

    ConsolePages(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Names.CONSOLE_USE)
    public TemplateInstance home() {
        return Templates.home(currentUser.user().permissions().stream().sorted().toList());
    }

    @GET
    @Path("posture")
    @PermissionsAllowed(Names.POSTURE_READ)
    public TemplateInstance posture() {
        return section("posture", "Posture summaries: alert and incident KPIs, source health, ATT&CK coverage.");
    }

    @GET
    @Path("audit")
    @PermissionsAllowed(Names.AUDIT_READ)
    public TemplateInstance audit() {
        return section("audit", "The hash-chained audit trail of every action in the console, and its verification.");
    }

    @GET
    @Path("admin")
    @PermissionsAllowed(Names.ADMIN)
    public TemplateInstance admin() {
        return Templates.admin();
    }

    /** Where the identity provider sends the browser after sign-out. */
    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    /** Where sign-in lands when the identity provider refuses it: say what happened, offer a retry. */
    @GET
    @Path("sign-in-error")
    @PermitAll
    public TemplateInstance signInError(@QueryParam("error") String error,
            @QueryParam("error_description") String description) {
        return Templates.signInError(error == null ? "unknown" : error, description == null ? "" : description);
    }

    private static TemplateInstance section(String key, String summary) {
        return Templates.section(Navigation.item(key), summary);
    }
}
