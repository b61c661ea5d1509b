package io.vigil.detect.rules;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission;
import io.vigil.web.JsonProblems;

/** Which findings raise alerts, per rule and per pack ({@link AlertLevels}). */
@Path("/api/alert-levels")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AlertLevelResource {

    /** {@code {"level": "medium"}}, {@code "never"}, or null to inherit. */
    public record Setting(String level) {
    }

    private final AlertLevels levels;

    AlertLevelResource(AlertLevels levels) {
        this.levels = levels;
    }

    @GET
    @PermissionsAllowed(Permission.Names.RULES_READ)
    @Operation(summary = "Every rule whose alert level is set on it or on its pack, with the level that applies")
    public Map<String, String> effective() {
        return levels.effective();
    }

    @POST
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    @Operation(summary = "Set a rule's alert level: a level, never, or null to inherit its pack's")
    public Response rule(@PathParam("id") String id, Setting setting) {
        return set(setting, level -> levels.setForRule(id, level), "no rule " + id);
    }

    @POST
    @Path("packs/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    @Operation(summary = "Set a pack's alert level: a level, never, or null for the server's default")
    public Response pack(@PathParam("name") String name, Setting setting) {
        return set(setting, level -> levels.setForPack(name, level), "no pack " + name);
    }

    private static Response set(Setting setting, java.util.function.Predicate<String> apply, String missing) {
        String level = setting == null ? null : setting.level();
        var problem = AlertLevels.problem(level);
        if (problem.isPresent()) {
            return JsonProblems.of(400, problem.get());
        }
        return apply.test(level) ? Response.noContent().build() : JsonProblems.of(404, missing);
    }
}
