package io.vigil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.event.EventSource;
import io.vigil.index.Spool;
import io.vigil.ingest.parse.Payload;
import io.vigil.ingest.parse.PayloadLimits;
import io.vigil.ingest.source.SourceService;
import io.vigil.ingest.source.SourceView;
import io.vigil.ops.DependencySetup;

/**
 * Upload of files into a source from the browser (CloudTrail files as S3 holds them, flow logs,
 * NDJSON, syslog files), with upload progress; the answer counts what was stored and lists the
 * rejections. Scripts send the same files to {@code POST /api/ingest/{source}} with the source's token.
 */
@Path("/admin/upload")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class UploadPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance upload(List<SourceView> sources);

        static native TemplateInstance result(String file, String source, IngestResult result);

        static native TemplateInstance problem(String problem);
    }

    private final IngestService ingest;
    private final SourceService sources;
    private final CurrentUser currentUser;

    UploadPages(IngestService ingest, SourceService sources, CurrentUser currentUser) {
        this.ingest = ingest;
        this.sources = sources;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance page() {
        return Templates.upload(sources.list());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.ADMIN)
    public Response upload(@RestForm("source") String sourceName, @RestForm("file") FileUpload file,
            @RestForm("lastDay") String lastDay, @RestForm("zone") String zone) {
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return problem(422, "file: choose a file to upload");
        }
        Optional<EventSource> source = sourceName == null ? Optional.empty() : sources.named(sourceName);
        if (source.isEmpty()) {
            return problem(422, "source: no source named '" + sourceName + "'");
        }
        Origin.YearlessTimes yearless;
        try {
            yearless = Origin.YearlessTimes.of(lastDay, zone);
        } catch (IllegalArgumentException e) {
            return problem(422, e.getMessage());
        }
        Payload payload;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            payload = Payload.read(in, file.fileName().endsWith(".gz"), PayloadLimits.DEFAULT, file.size());
        } catch (Payload.PayloadTooLargeException e) {
            return problem(413, file.fileName() + ": " + e.getMessage());
        } catch (IOException e) {
            return problem(400, file.fileName() + " could not be read: " + e.getMessage());
        }
        try {
            var origin = new Origin("upload " + file.fileName() + " by " + currentUser.user().username(), null)
                    .with(yearless);
            IngestResult result = ingest.ingest(source.get(), payload, origin);
            return Response.ok(Templates.result(file.fileName(), sourceName, result)).build();
        } catch (Spool.SpoolFullException | java.io.UncheckedIOException e) {
            return problem(503, "The event store is unavailable and the local spool is full; nothing of "
                    + file.fileName() + " was stored. Try again later (" + DependencySetup.rootMessage(e) + ").");
        }
    }

    /** Problems are shown where the result would be (htmx swaps 4xx/5xx answers of this form, see app.js). */
    private static Response problem(int status, String problem) {
        return Response.status(status).entity(Templates.problem(problem)).build();
    }
}
