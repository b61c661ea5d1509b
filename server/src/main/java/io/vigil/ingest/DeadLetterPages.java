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
import io.vigil.index.StoreUnavailableException;
import io.vigil.ops.DependencySetup;

/** The newest dead letters for administrators, optionally of one source. */
@Path("/admin/dead-letters")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class DeadLetterPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance deadLetters(DeadLetters.Page page, long at, String source, String newest,
                String next, String problem);
    }

    private final DeadLetters deadLetters;

    DeadLetterPages(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    static final int PAGE_SIZE = 100;

    @GET
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance page(@QueryParam("source") String source, @QueryParam("after") String after,
            @QueryParam("at") long at) {
        String filter = source == null || source.isBlank() ? null : source.trim();
        String shown = filter == null ? "" : filter;
        String base = "/admin/dead-letters" + (filter == null
                ? ""
                : "?source="
                        + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8));
        boolean later = after != null && !after.isBlank();
        long before = later ? Math.max(0, at) : 0;
        try {
            DeadLetters.Page page = deadLetters.page(filter, later ? after : null, PAGE_SIZE);
            String next = page.next() == null || before + page.letters().size() >= page.total()
                    ? null
                    : base + (filter == null ? "?" : "&") + "after=" + page.next() + "&at=" + (before + PAGE_SIZE);
            return Templates.deadLetters(page, before, shown, later ? base : null, next, null);
        } catch (StoreUnavailableException | IllegalArgumentException e) {
            String problem = e instanceof StoreUnavailableException
                    ? "OpenSearch cannot be read right now: " + DependencySetup.rootMessage(e)
                    : e.getMessage();
            return Templates.deadLetters(new DeadLetters.Page(List.of(), 0, null), 0, shown, null, null, problem);
        }
    }
}
