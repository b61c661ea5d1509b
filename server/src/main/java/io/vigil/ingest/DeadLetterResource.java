package io.vigil.ingest;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission;
import io.vigil.index.DeadLetters;
import io.vigil.index.DeadLetters.StoredDeadLetter;

/** What intake could not turn into events, for administrators to see and fix at the source. */
@Path("/api/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Blocking
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Newest dead letters (raw input, reason, source, place), optionally of one source")
    public List<StoredDeadLetter> latest(@QueryParam("source") String source,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return deadLetters.latest(source, Math.max(1, Math.min(limit, 500)));
    }
}
