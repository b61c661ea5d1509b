package io.vigil.detect.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.web.JsonProblems;

/** Rules over HTTP: list, read, history, import (YAML or zip), enable and disable. */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RuleResource {

    /** The answer to an import: one line per document, and how many were stored. */
    public record ImportAnswer(int stored, int updated, int unchanged, int refused, List<ImportLine> documents) {
    }

    /** One document of an import; {@code file} is its path in a zip archive, else null. */
    public record ImportLine(String file, int document, String id, String title, String outcome, String error) {
    }

    /** Body of the enable/disable calls. */
    public record Enabled(boolean enabled) {
    }

    private final RuleService rules;
    private final RuleCatalog catalog;
    private final CurrentUser currentUser;

    RuleResource(RuleService rules, RuleCatalog catalog, CurrentUser currentUser) {
        this.rules = rules;
        this.catalog = catalog;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.RULES_READ)
    @Operation(summary = "All rules (without their YAML)")
    public List<RuleView> list() {
        return catalog.list();
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.RULES_READ)
    @Operation(summary = "One rule with its YAML")
    public RuleView get(@PathParam("id") String id) {
        return catalog.find(id).orElseThrow(() -> new NotFoundException("no rule with id " + id));
    }

    @GET
    @Path("{id}/versions")
    @PermissionsAllowed(Permission.Names.RULES_READ)
    @Operation(summary = "Every version of a rule, newest first")
    public List<Map<String, Object>> versions(@PathParam("id") String id) {
        return catalog.history(id).stream().map(v -> Map.<String, Object>of("version", v.version, "change", v.change,
                "enabled", v.enabled, "changedAt", v.changedAt.toString(), "changedBy", v.changedBy, "yaml", v.yaml))
                .toList();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    @Operation(summary = "Import Sigma YAML (one or more documents) or a zip of YAML files into a pack")
    public Response importRules(@QueryParam("pack") String pack, byte[] body) {
        String packName = pack == null || pack.isBlank() ? "imported" : pack.trim();
        if (!packName.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            return problem(400, "pack: 1-64 characters of a-z, 0-9, - or _");
        }
        String user = currentUser.user().username();
        List<ImportLine> lines = new ArrayList<>();
        if (RuleArchives.isZip(body)) {
            try {
                RuleArchives.yamlFiles(body).forEach((file, text) -> rules.importYaml(packName, packName, false, text,
                        user).forEach(done -> lines.add(line(file, done))));
            } catch (RuleArchives.ArchiveException e) {
                return problem(400, e.getMessage());
            }
        } else {
            rules.importYaml(packName, packName, false, new String(body, java.nio.charset.StandardCharsets.UTF_8), user)
                    .forEach(done -> lines.add(line(null, done)));
        }
        return Response.ok(new ImportAnswer(count(lines, "stored"), count(lines, "updated"), count(lines, "unchanged"),
                count(lines, "refused"), lines)).build();
    }

    @POST
    @Path("{id}/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    @Operation(summary = "Enable or disable a rule (a new version)")
    public RuleView setEnabled(@PathParam("id") String id, Enabled body) {
        return rules.setEnabled(id, body.enabled(), currentUser.user().username())
                .orElseThrow(() -> new NotFoundException("no rule with id " + id));
    }

    @POST
    @Path("packs/{name}/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    @Operation(summary = "Enable or disable a whole pack")
    public Response setPackEnabled(@PathParam("name") String name, Enabled body) {
        return rules.setPackEnabled(name, body.enabled())
                ? Response.noContent().build()
                : problem(404, "no pack named " + name);
    }

    private static ImportLine line(String file, RuleService.Imported done) {
        return new ImportLine(file, done.document(), done.id(), done.title(), done.outcome(), done.error());
    }

    private static int count(List<ImportLine> lines, String outcome) {
        return (int) lines.stream().filter(line -> line.outcome().equals(outcome)).count();
    }

    private static Response problem(int status, String detail) {
        return JsonProblems.of(status, detail);
    }
}
