package io.vigil.search;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
 * Saved searches: the list (own and shared), saving the search on screen under a name, deleting one's
 * own, and turning one into a Sigma rule draft in the rule editor.
 */
@Path("/search/saved")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SavedSearchPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance saved(List<SavedSearchView> searches, boolean canWriteRules);

        static native TemplateInstance saved$result(SavedSearchView saved, String problem);

        static native TemplateInstance saved$panel(List<SavedSearchView> searches);
    }

    static final int PANEL_SIZE = 10;

    private final SavedSearchService saved;
    private final CurrentUser currentUser;

    SavedSearchPages(SavedSearchService saved, CurrentUser currentUser) {
        this.saved = saved;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public TemplateInstance list() {
        return Templates.saved(saved.visible(currentUser.user()),
                currentUser.user().can(Permission.RULES_WRITE));
    }

    /** The user's own saved searches, then the shared ones they may read (Home loads this panel). */
    @GET
    @Path("panel")
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public TemplateInstance panel() {
        List<SavedSearchView> visible = saved.visible(currentUser.user());
        List<SavedSearchView> ordered = java.util.stream.Stream.concat(visible.stream().filter(SavedSearchView::mine),
                visible.stream().filter(s -> !s.mine())).limit(PANEL_SIZE).toList();
        return Templates.saved$panel(ordered);
    }

    /** Saves what the search form holds (htmx): answers with a line saying so, or why not. */
    @POST
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public TemplateInstance save(@FormParam("name") String name, @FormParam("shared") String shared,
            @FormParam("q") String q, @FormParam("from") String from, @FormParam("to") String to,
            @FormParam("cols") String cols) {
        try {
            var view = saved.save(currentUser.user(), name, SearchForm.of(q, from, to, cols), shared != null);
            return Templates.saved$result(view, null);
        } catch (SearchProblem e) {
            return Templates.saved$result(null, e.getMessage());
        }
    }

    @POST
    @Path("{id}/delete")
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public Response delete(@PathParam("id") String id) {
        if (!saved.delete(currentUser.user(), id)) {
            throw new NotFoundException("no saved search of yours with id " + id);
        }
        return Response.noContent().header("HX-Redirect", "/search/saved").build();
    }

    /** Opens the rule editor with a Sigma draft of the saved search. */
    @GET
    @Path("{id}/rule-draft")
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    public Response ruleDraft(@PathParam("id") String id) {
        var search = saved.find(currentUser.user(), id)
                .orElseThrow(() -> new NotFoundException("no saved search with id " + id));
        String yaml = SigmaDraft.of(search.name(), search.query());
        return Response.seeOther(URI.create("/rules/new?yaml=" + SearchForm.enc(yaml))).build();
    }
}
