package io.vigil.posture;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.index.StoreUnavailableException;
import io.vigil.ops.DependencySetup;

/** The posture figures as a panel (Home loads it for users who read posture), in the user's scope. */
@Path("/posture/summary")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class PosturePages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance summary(PostureFigures.Figures figures, String problem);
    }

    private final PostureFigures figures;
    private final CurrentUser currentUser;

    PosturePages(PostureFigures figures, CurrentUser currentUser) {
        this.figures = figures;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.POSTURE_READ)
    public TemplateInstance summary() {
        try {
            return Templates.summary(figures.of(currentUser.user(), Instant.now()), null);
        } catch (StoreUnavailableException e) {
            return Templates.summary(null, "OpenSearch cannot be read right now: " + DependencySetup.rootMessage(e));
        }
    }
}
