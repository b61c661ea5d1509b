package io.vigil.detect;

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
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.event.Level;
import io.vigil.index.FindingsReader.StoredFinding;
import io.vigil.index.StoreUnavailableException;
import io.vigil.ops.DependencySetup;
import io.vigil.search.EventSearchService;

/** The newest findings (rule matches), optionally of one rule or level: what detection saw, as it saw it. */
@Path("/alerts/findings")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class FindingPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance findings(List<StoredFinding> findings, String rule, String level,
                List<String> levels, String problem);
    }

    private final EventSearchService search;
    private final CurrentUser currentUser;

    FindingPages(EventSearchService search, CurrentUser currentUser) {
        this.search = search;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    public TemplateInstance page(@QueryParam("rule") String rule, @QueryParam("level") String level) {
        String ruleFilter = blankToNull(rule);
        String levelFilter = blankToNull(level);
        try {
            return Templates.findings(search.latestFindings(currentUser.user(), ruleFilter, levelFilter, 200),
                    orEmpty(ruleFilter), orEmpty(levelFilter), Level.IDS, null);
        } catch (StoreUnavailableException e) {
            return Templates.findings(List.of(), orEmpty(ruleFilter), orEmpty(levelFilter), Level.IDS,
                    "OpenSearch cannot be read right now: " + DependencySetup.rootMessage(e));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
