package io.vigil.detect;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.event.Level;
import io.vigil.index.FindingsReader.StoredFinding;
import io.vigil.index.StoreUnavailableException;
import io.vigil.ops.DependencySetup;
import io.vigil.search.FindingSearchService;
import io.vigil.web.JsonProblems;

/** Findings (rule matches) for programs, newest first, in the caller's data scope: what the findings page lists. */
@Path("/api/findings")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FindingResource {

    static final int MAX_LIMIT = 1000;

    private final FindingSearchService search;
    private final CurrentUser currentUser;

    FindingResource(FindingSearchService search, CurrentUser currentUser) {
        this.search = search;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    @Operation(summary = "The newest findings, optionally of one rule or level")
    public Response findings(@QueryParam("rule") String rule, @QueryParam("level") String level,
            @QueryParam("limit") @DefaultValue("200") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return problem(400, "limit: between 1 and " + MAX_LIMIT);
        }
        if (level != null && !level.isBlank() && Level.of(level).isEmpty()) {
            return problem(400, "level: one of " + String.join(", ", Level.IDS));
        }
        List<StoredFinding> found = search.latest(currentUser.user(), blankToNull(rule), blankToNull(level),
                limit);
        return Response.ok(found).build();
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        return JsonProblems.storeUnavailable("OpenSearch cannot be read right now: " + DependencySetup.rootMessage(e));
    }

    private static Response problem(int status, String detail) {
        return JsonProblems.of(status, detail);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
