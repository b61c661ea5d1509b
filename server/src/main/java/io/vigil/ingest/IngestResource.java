package io.vigil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.IngestTokenAuthentication;
import io.vigil.access.Permission;
import io.vigil.event.EventSource;
import io.vigil.index.Spool;
import io.vigil.ingest.parse.Payload;
import io.vigil.ingest.parse.PayloadLimits;
import io.vigil.ingest.source.SourceService;
import io.vigil.ops.DependencySetup;
import io.vigil.web.JsonProblems;

/**
 * HTTP intake: a JSON object, a JSON array, NDJSON, a CloudTrail file or syslog lines, optionally
 * gzip, with the source's ingest token. The answer counts what was accepted and lists each
 * rejection with its line and reason.
 */
@Path("/api/ingest/{source}")
public class IngestResource {

    private final IngestService ingest;
    private final SourceService sources;
    private final SecurityIdentity identity;

    IngestResource(IngestService ingest, SourceService sources, SecurityIdentity identity) {
        this.ingest = ingest;
        this.sources = sources;
        this.identity = identity;
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.INGEST_WRITE)
    @Operation(summary = "Send events to a source (ingest token of that source required)")
    public Response ingest(@PathParam("source") String sourceName, @HeaderParam("Content-Encoding") String encoding,
            @HeaderParam("Content-Length") Long length,
            @Parameter(description = "syslog lines without a year fall on or before this day (default today)") @QueryParam("lastDay") String lastDay,
            @Parameter(description = "zone of syslog times without one (default UTC)") @QueryParam("zone") String zone,
            InputStream body) {
        EventSource source = identity.getAttribute(IngestTokenAuthentication.SOURCE_ATTRIBUTE);
        if (!source.name().equals(sourceName)) {
            return sourceExists(sourceName)
                    ? error(Response.Status.FORBIDDEN, "this token writes to source '" + source.name() + "' only")
                    : error(Response.Status.NOT_FOUND, "no source named '" + sourceName + "'");
        }
        Origin.YearlessTimes yearless;
        try {
            yearless = Origin.YearlessTimes.of(lastDay, zone);
        } catch (IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        Payload payload;
        try {
            // the declared length is bounded by quarkus.http.limits.max-body-size, checked before this runs
            payload = Payload.read(body, encoding != null && encoding.toLowerCase().contains("gzip"),
                    PayloadLimits.DEFAULT, length == null ? -1 : length);
        } catch (Payload.PayloadTooLargeException e) {
            return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        } catch (IOException e) {
            return error(Response.Status.BAD_REQUEST, "the body could not be read: " + e.getMessage());
        }
        try {
            return Response.ok(ingest.ingest(source, payload, Origin.http().with(yearless))).build();
        } catch (Spool.SpoolFullException | java.io.UncheckedIOException e) {
            return JsonProblems.storeUnavailable("nothing of this batch was acknowledged; send it again later ("
                    + DependencySetup.rootMessage(e) + ")");
        }
    }

    /** Whether another source of this name exists; when the database cannot tell, assume it does (403). */
    private boolean sourceExists(String name) {
        try {
            return sources.find(name).isPresent();
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static Response error(Response.Status status, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", status.getStatusCode(), "error", status.getReasonPhrase(), "detail", detail))
                .build();
    }
}
