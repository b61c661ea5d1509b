package io.vigil.detect.rules;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission;

/** Two versions of a rule side by side (from the rule page's list of versions). */
@Path("/rules/{id}/diff")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class RuleDiffPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance diff(RuleView rule, List<RuleVersion> versions, RuleDiff diff);
    }

    private final RuleCatalog catalog;

    RuleDiffPages(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    /** Version {@code from} against {@code to}; by default the one before the newest against the newest. */
    @GET
    @PermissionsAllowed(Permission.Names.RULES_READ)
    public TemplateInstance diff(@PathParam("id") String id, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to) {
        RuleView rule = catalog.find(id).orElseThrow(() -> new NotFoundException("no rule with id " + id));
        List<RuleVersion> versions = catalog.history(id);
        int newest = versions.stream().mapToInt(v -> v.version).max().orElse(rule.version());
        int right = to == null ? newest : to;
        int left = from == null ? Math.max(1, right - 1) : from;
        RuleVersion older = version(versions, id, left);
        RuleVersion newer = version(versions, id, right);
        return Templates.diff(rule, versions, RuleDiff.of(left, older.yaml, right, newer.yaml));
    }

    private static RuleVersion version(List<RuleVersion> versions, String id, int number) {
        return versions.stream().filter(v -> v.version == number).findFirst()
                .orElseThrow(() -> new NotFoundException("rule " + id + " has no version " + number));
    }
}
