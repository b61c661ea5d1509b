package io.vigil.search;

import java.util.List;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import io.vigil.index.StoreUnavailableException;
import io.vigil.ops.DependencySetup;
import io.vigil.search.SearchResults.Cursor;
import io.vigil.search.pipe.PipeResult;

/**
 * The search page: query bar, time picker, histogram, results, field sidebar and the event panel. The
 * whole search is in the URL; further pages, the event panel and field values are htmx fragments.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SearchPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance search(SearchForm form, PageResults results, PipeResult pipe,
                ProblemView problem, List<TimeRange.Preset> presets, String rangeLabel, String open);

        static native TemplateInstance search$values(String field, List<ValueCount> values, Long withField,
                String problem, SearchForm form);

        static native TemplateInstance search$more(SearchForm form, List<ResultRow> rows, String more, String pit);

        static native TemplateInstance search$event(SearchForm form, EventView event);

        static native TemplateInstance search$problem(ProblemView problem);
    }

    private final EventSearchService search;
    private final EventFieldNames fieldNames;
    private final CurrentUser currentUser;
    private final FindingSearchService findings;

    SearchPages(EventSearchService search, FindingSearchService findings, EventFieldNames fieldNames,
            CurrentUser currentUser) {
        this.findings = findings;
        this.search = search;
        this.fieldNames = fieldNames;
        this.currentUser = currentUser;
    }

    /** Field names for the query bar's completion. */
    @GET
    @Path("fields")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public List<String> fields() {
        try {
            return fieldNames.names(SearchScope.of(currentUser.user()));
        } catch (StoreUnavailableException | io.vigil.index.RawQueries.RefusedException e) {
            return List.of(); // completion is a convenience: without it the bar still works
        }
    }

    @GET
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public TemplateInstance page(@QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cols") String cols, @QueryParam("open") String open) {
        SearchForm form = SearchForm.of(q, from, to, cols);
        String label = form.from() + " → " + form.to();
        try {
            PreparedSearch prepared = search.prepare(form.q(), form.from(), form.to());
            label = prepared.range().label();
            if (prepared.pipe() != null) {
                return Templates.search(form, null, search.pipe(currentUser.user(), prepared), null,
                        TimeRange.PRESETS, label, null);
            }
            SearchResults found = search.first(currentUser.user(), prepared, PAGE_SIZE, form.columns());
            // nothing in the range: say whether the query matches outside it (an archive of another year)
            var outside = found.total() == 0 ? search.outside(currentUser.user(), prepared) : null;
            var results = new PageResults(ResultsTable.rows(found.hits(), form.columns()), found.total(),
                    HistogramJson.of(found, prepared.range()), found.interval().expression(),
                    moreUrl(form, prepared, found.next()), ResultsTable.fields(found.hits(), form),
                    found.warnings(), outside, SearchForm.of(form.q(), TimeRange.ALL_TIME, "now", null).url());
            return Templates.search(form, results, null, null, TimeRange.PRESETS, label, openUrl(open));
        } catch (SearchProblem e) {
            return Templates.search(form, null, null, ProblemView.of(e.getMessage(), form.q(), e.position()),
                    TimeRange.PRESETS, label, null);
        } catch (StoreUnavailableException e) {
            return Templates.search(form, null, null, ProblemView.of("OpenSearch cannot be read right now: "
                    + DependencySetup.rootMessage(e), form.q(), -1), TimeRange.PRESETS, label, null);
        }
    }

    /**
     * The next page (htmx POST: a point in time's id can be longer than a URL may be). The range comes
     * as the instants the first page resolved, so "last 15 minutes" does not move while paging.
     */
    @POST
    @Path("more")
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public TemplateInstance more(@QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cols") String cols, @FormParam("pit") String pit,
            @QueryParam("after") long after, @QueryParam("afterId") String afterId) {
        SearchForm form = SearchForm.of(q, from, to, cols);
        try {
            PreparedSearch prepared = search.prepare(form.q(), form.from(), form.to());
            SearchResults found = search.more(currentUser.user(), prepared,
                    new Cursor(blank(pit), after, afterId == null ? "" : afterId), PAGE_SIZE, form.columns());
            return Templates.search$more(form, ResultsTable.rows(found.hits(), form.columns()),
                    moreUrl(form, prepared, found.next()), found.next() == null ? null : found.next().pointInTime());
        } catch (SearchProblem | StoreUnavailableException e) {
            return problemFragment(e);
        }
    }

    @GET
    @Path("event")
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public TemplateInstance event(@QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cols") String cols, @QueryParam("index") String index,
            @QueryParam("id") String id) {
        SearchForm form = SearchForm.of(q, from, to, cols);
        try {
            var hit = search.event(currentUser.user(), index == null ? "" : index, id == null ? "" : id);
            if (hit.isEmpty()) {
                return Templates.search$problem(ProblemView.of("This event is not there (or not in your scope): it may "
                        + "have been deleted by retention.", "", -1));
            }
            var event = hit.get();
            String original = event.document().path("event").path("original").asText(null);
            return Templates.search$event(form, new EventView(event.index(), event.id(), event.time().toString(),
                    ResultsTable.allFields(event), original != null ? original : Pretty.json(event.document()),
                    findings.ofEvent(currentUser.user(), event.document().path("event").path("id").asText(id))));
        } catch (SearchProblem | StoreUnavailableException e) {
            return problemFragment(e);
        }
    }

    @GET
    @Path("values")
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    public TemplateInstance values(@QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cols") String cols, @QueryParam("field") String field) {
        SearchForm form = SearchForm.of(q, from, to, cols);
        String name = field == null ? "" : field.strip();
        try {
            PreparedSearch prepared = search.prepare(form.q(), form.from(), form.to());
            var top = search.topValues(currentUser.user(), prepared, name, 10);
            return Templates.search$values(name, top.values(), top.withField(), null, form);
        } catch (SearchProblem | StoreUnavailableException e) {
            return Templates.search$values(name, List.of(), 0L, e.getMessage(), form);
        }
    }

    /** The event panel to open on load: {@code open} is {@code <index>/<id>}, as links from findings give. */
    private static String openUrl(String open) {
        if (open == null || open.indexOf('/') <= 0) {
            return null;
        }
        int slash = open.indexOf('/');
        return SearchForm.eventUrl(open.substring(0, slash), open.substring(slash + 1));
    }

    /** A fragment's answer when the search cannot be run: the problem where the fragment would go. */
    private static TemplateInstance problemFragment(RuntimeException e) {
        return Templates.search$problem(ProblemView.of(e.getMessage(), "", -1));
    }

    private static String moreUrl(SearchForm form, PreparedSearch prepared, Cursor next) {
        if (next == null) {
            return null;
        }
        SearchForm fixed = SearchForm.of(form.q(), prepared.range().from().toString(),
                prepared.range().to().toString(), form.cols());
        return "/search/more?" + fixed.params() + "&after=" + next.afterMillis() + "&afterId="
                + SearchForm.enc(next.afterId());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
