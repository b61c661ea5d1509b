package io.vigil.incident;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;

/**
 * Admin → Incident playbooks and SLAs. A playbook's tasks are edited as lines ({@code title | description}),
 * the way people write checklists.
 */
@Path("/admin/incidents")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class IncidentSettingsPages {

    private final Playbooks playbooks;
    private final Sla sla;
    private final CurrentUser currentUser;

    IncidentSettingsPages(Playbooks playbooks, Sla sla, CurrentUser currentUser) {
        this.playbooks = playbooks;
        this.sla = sla;
        this.currentUser = currentUser;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance settings(List<Playbooks.View> playbooks, List<Sla.Target> targets);
    }

    @GET
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance settings() {
        return Templates.settings(playbooks.all(), List.copyOf(sla.targets().values()));
    }

    @POST
    @Path("sla")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.ADMIN)
    public Response target(@FormParam("severity") String severity, @FormParam("acknowledge") Integer acknowledge,
            @FormParam("resolve") Integer resolve) {
        playbooks.target(severity, acknowledge, resolve);
        return PageAnswers.reload();
    }

    @POST
    @Path("playbooks/{type}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.ADMIN)
    public Response playbook(@PathParam("type") String type, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("tasks") String tasks) {
        playbooks.save(currentUser.user(), type, new Playbooks.View(type, title, description, steps(tasks)));
        return PageAnswers.reload();
    }

    /** A new playbook: the type comes from the form. */
    @POST
    @Path("playbooks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.ADMIN)
    public Response newPlaybook(@FormParam("type") String type, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("tasks") String tasks) {
        return playbook(type == null ? "" : type.strip(), title, description, tasks);
    }

    /** One task per non-blank line: its title, then optionally {@code |} and a description. */
    static List<Playbook.Step> steps(String lines) {
        List<Playbook.Step> steps = new ArrayList<>();
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int bar = line.indexOf('|');
            steps.add(bar < 0
                    ? new Playbook.Step(line.strip(), "")
                    : new Playbook.Step(line.substring(0, bar).strip(), line.substring(bar + 1).strip()));
        }
        return steps;
    }
}
