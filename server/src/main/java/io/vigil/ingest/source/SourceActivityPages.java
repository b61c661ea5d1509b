package io.vigil.ingest.source;

import java.time.Instant;
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
import io.vigil.index.StoreUnavailableException;
import io.vigil.ops.DependencySetup;

/** Each source's recent activity as a panel (the admin's Home loads it). */
@Path("/admin/sources/activity")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SourceActivityPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance activity(List<SourceActivity.Activity> sources, String problem);
    }

    private final SourceActivity activity;

    SourceActivityPages(SourceActivity activity) {
        this.activity = activity;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance activity() {
        try {
            return Templates.activity(activity.all(Instant.now()), null);
        } catch (StoreUnavailableException e) {
            return Templates.activity(List.of(),
                    "OpenSearch cannot be read right now: " + DependencySetup.rootMessage(e));
        }
    }
}
