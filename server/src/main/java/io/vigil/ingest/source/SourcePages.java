package io.vigil.ingest.source;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.event.SourceType;

/**
 * The administrators' page for sources: list, create (the token is shown once, in the answer),
 * issue a new token, delete. Actions are htmx form posts answered with fragments of the page.
 */
@Path("/admin/sources")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SourcePages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance sources(List<SourceView> sources, List<SourceType> types);

        static native TemplateInstance sources$table(List<SourceView> sources);

        static native TemplateInstance issued(SourceService.IssuedToken issued, List<SourceView> sources);

        static native TemplateInstance problems(List<String> problems);
    }

    private final SourceService sources;
    private final CurrentUser currentUser;

    SourcePages(SourceService sources, CurrentUser currentUser) {
        this.sources = sources;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance page() {
        return Templates.sources(sources.list(), List.of(SourceType.values()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.ADMIN)
    public Response create(@FormParam("name") String name, @FormParam("type") String type,
            @FormParam("scope") String scope, @FormParam("retentionDays") String retentionDays,
            @FormParam("detection") String detection) {
        Integer days;
        try {
            days = retentionDays == null || retentionDays.isBlank() ? null : Integer.valueOf(retentionDays.trim());
        } catch (NumberFormatException e) {
            return problems(List.of("retentionDays: a whole number of days"));
        }
        String trimmedScope = scope == null || scope.isBlank() ? null : scope;
        try {
            var issued = sources.create(new SourceRequest(name == null ? null : name.trim(), type, trimmedScope, days,
                    detection != null), currentUser.user().username());
            return Response.ok(Templates.issued(issued, sources.list())).build();
        } catch (InvalidSourceException e) {
            return problems(e.problems());
        }
    }

    @POST
    @Path("{name}/token")
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance rotate(@PathParam("name") String name) {
        var issued = sources.rotateToken(name).orElseThrow(() -> new jakarta.ws.rs.NotFoundException(
                "no source named " + name));
        return Templates.issued(issued, sources.list());
    }

    @POST
    @Path("{name}/detection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance setDetection(@PathParam("name") String name, @FormParam("enabled") boolean enabled) {
        sources.setDetection(name, enabled)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no source named " + name));
        return Templates.sources$table(sources.list());
    }

    @POST
    @Path("{name}/scope")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.ADMIN)
    public Response setScope(@PathParam("name") String name, @FormParam("scope") String scope) {
        try {
            sources.setScope(name, scope)
                    .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no source named " + name));
        } catch (InvalidSourceException e) {
            return Response.fromResponse(problems(e.problems())).header("HX-Retarget", "#source-result").build();
        }
        return Response.ok(Templates.sources$table(sources.list())).build();
    }

    @POST
    @Path("{name}/delete")
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance delete(@PathParam("name") String name) {
        sources.delete(name);
        return Templates.sources$table(sources.list());
    }

    /** Validation errors go back into the form (htmx swaps 422 answers too, see app.js). */
    private static Response problems(List<String> problems) {
        return Response.status(422).entity(Templates.problems(problems)).build();
    }
}
