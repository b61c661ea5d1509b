package io.vigil.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;

/**
 * Export of a search's events as a streamed download (CSV of the shown columns or NDJSON of the stored
 * documents, at most {@link #MAX_EVENTS}), with its progress and a cancel the page polls and posts.
 */
@Path("/search/export")
@Blocking
public class ExportPages {

    public static final long MAX_EVENTS = 1_000_000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance export$progress(String id, ExportProgress progress);
    }

    private final EventSearchService search;
    private final ExportJobs jobs;
    private final CurrentUser currentUser;

    ExportPages(EventSearchService search, ExportJobs jobs, CurrentUser currentUser) {
        this.search = search;
        this.jobs = jobs;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public Response export(@QueryParam("q") String q, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cols") String cols, @QueryParam("format") String format, @QueryParam("id") String id) {
        SearchForm form = SearchForm.of(q, from, to, cols);
        String kind = "ndjson".equals(format) ? "ndjson" : "csv";
        PreparedSearch prepared;
        try {
            prepared = search.prepare(form.q(), form.from(), form.to());
        } catch (SearchProblem e) {
            return Response.status(422).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
        var user = currentUser.user();
        var progress = jobs.start(id == null ? java.util.UUID.randomUUID().toString() : id, user.username())
                .orElse(null);
        if (progress == null) {
            return Response.status(409).type(MediaType.TEXT_PLAIN)
                    .entity("export id " + id + " is malformed or already used").build();
        }
        StreamingOutput body = out -> search.export(user, prepared,
                ExportWriter.of(kind, out, form.columns()), progress, MAX_EVENTS);
        String file = "vigil-events-" + STAMP.format(Instant.now()) + "." + kind;
        return Response.ok(body, kind.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public TemplateInstance progress(@PathParam("id") String id) {
        var progress = jobs.find(id, currentUser.user().username())
                .orElseThrow(() -> new NotFoundException("no export of yours with id " + id));
        return Templates.export$progress(id, progress);
    }

    @POST
    @Path("{id}/cancel")
    @Produces(MediaType.TEXT_HTML)
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public TemplateInstance cancel(@PathParam("id") String id) {
        if (!jobs.cancel(id, currentUser.user().username())) {
            throw new NotFoundException("no export of yours with id " + id);
        }
        return progress(id);
    }
}
