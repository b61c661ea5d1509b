package io.vigil.ingest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission;
import io.vigil.index.DeadLetters;
import io.vigil.index.DeadLetters.StoredDeadLetter;
import io.vigil.index.StoreUnavailableException;
import io.vigil.ops.DependencySetup;

/** The newest dead letters for administrators, optionally of one source. */
@Path("/admin/dead-letters")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class DeadLetterPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance deadLetters(List<StoredDeadLetter> letters, String source, String problem);
    }

    private final DeadLetters deadLetters;

    DeadLetterPages(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance page(@QueryParam("source") String source) {
        String filter = source == null || source.isBlank() ? null : source.trim();
        try {
            return Templates.deadLetters(deadLetters.latest(filter, 200), filter == null ? "" : filter, null);
        } catch (StoreUnavailableException e) {
            return Templates.deadLetters(List.of(), filter == null ? "" : filter,
                    "OpenSearch cannot be read right now: " + DependencySetup.rootMessage(e));
        }
    }
}
