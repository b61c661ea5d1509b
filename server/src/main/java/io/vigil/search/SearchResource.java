package io.vigil.search;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.event.Ecs;
import io.vigil.index.StoreUnavailableException;
import io.vigil.ops.DependencySetup;
import io.vigil.search.SearchResults.Hit;
import io.vigil.web.JsonProblems;

/**
 * Search for programs (a SOAR, a notebook, a script): the same searches as the console's search page, in
 * the same scope, as JSON. Events page by an opaque cursor; a search with a pipe answers its table. The
 * cursor holds an OpenSearch point in time, whose id grows with the indices searched: POST takes the same
 * parameters in a body, where no URL limit applies.
 */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SearchResource {

    static final int MAX_SIZE = 1000;

    private final EventSearchService search;
    private final EventFieldNames fieldNames;
    private final CurrentUser currentUser;

    SearchResource(EventSearchService search, EventFieldNames fieldNames, CurrentUser currentUser) {
        this.search = search;
        this.fieldNames = fieldNames;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    @Operation(summary = "Search events: a page of them with the total and histogram, or a pipe's table")
    public SearchAnswer search(
            @Parameter(description = "Lucene query, optionally followed by one pipe: "
                    + "'event.action:ConsoleLogin | stats count() by source.ip'") @QueryParam("q") String q,
            @Parameter(description = "range start: now-24h (default), now-7d, an ISO-8601 instant or date") @QueryParam("from") String from,
            @Parameter(description = "range end: now (default) or an ISO-8601 instant") @QueryParam("to") String to,
            @Parameter(description = "events per page, 1-1000") @QueryParam("size") @DefaultValue("100") int size,
            @Parameter(description = "the 'next' of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "include event.original, the record as received") @QueryParam("original") @DefaultValue("false") boolean original) {
        if (size < 1 || size > MAX_SIZE) {
            throw new SearchProblem("size: between 1 and " + MAX_SIZE, -1);
        }
        List<String> columns = original ? List.of(Ecs.EVENT_ORIGINAL) : List.of();
        if (cursor != null && !cursor.isBlank()) {
            SearchCursor at = SearchCursor.decode(cursor);
            PreparedSearch prepared = search.prepare(q, at.from().toString(), at.to().toString());
            SearchResults page = search.more(currentUser.user(), prepared, at.cursor(), size, columns);
            return new SearchAnswer(text(q), at.from(), at.to(), null, null, page.hits(),
                    next(page, at), null, null);
        }
        PreparedSearch prepared = search.prepare(q, from, to);
        TimeRange range = prepared.range();
        if (prepared.pipe() != null) {
            var table = search.pipe(currentUser.user(), prepared);
            return new SearchAnswer(text(q), range.from(), range.to(), null, null, null, null,
                    new SearchAnswer.Table(table.columns(), table.rows(), table.note()),
                    prepared.checked().warnings());
        }
        SearchResults first = search.first(currentUser.user(), prepared, size, columns);
        return new SearchAnswer(text(q), range.from(), range.to(), first.total(),
                new SearchAnswer.Histogram(first.interval().expression(), first.histogram()), first.hits(),
                next(first, new SearchCursor(null, range.from(), range.to())), null, first.warnings());
    }

    /** A search as a JSON body: the same fields as the query parameters of {@code GET /api/search}. */
    public record SearchRequest(String q, String from, String to, Integer size, String cursor, Boolean original) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    @Operation(summary = "The same search with its parameters in a JSON body: for a cursor too long for a URL")
    public SearchAnswer searchByBody(SearchRequest request) {
        if (request == null) {
            throw new SearchProblem("body: a JSON object with q, from, to, size, cursor, original", -1);
        }
        return search(request.q(), request.from(), request.to(), request.size() == null ? 100 : request.size(),
                request.cursor(), request.original() != null && request.original());
    }

    @GET
    @Path("values")
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    @Operation(summary = "A field's commonest values over every event of a search")
    public SearchAnswer.Values values(@QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("field") String field,
            @QueryParam("size") @DefaultValue("10") int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new SearchProblem("size: between 1 and " + MAX_SIZE, -1);
        }
        String name = field == null ? "" : field.strip();
        var top = search.topValues(currentUser.user(), search.prepare(q, from, to), name, size);
        return new SearchAnswer.Values(name, top.withField(), top.values());
    }

    @GET
    @Path("fields")
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    @Operation(summary = "Names of the fields the events you may read have")
    public List<String> fields() {
        return fieldNames.names(SearchScope.of(currentUser.user()));
    }

    @GET
    @Path("events/{index}/{id}")
    @PermissionsAllowed(Permission.Names.EVENTS_READ)
    @Operation(summary = "One stored event, whole, if the caller's scope covers its source")
    public Hit event(@PathParam("index") String index, @PathParam("id") String id) {
        return search.event(currentUser.user(), index, id)
                .orElseThrow(() -> new NotFoundException("no event " + id + " in " + index + " that you may read"));
    }

    private static String text(String q) {
        return q == null ? "" : q;
    }

    private static String next(SearchResults page, SearchCursor at) {
        return page.next() == null ? null : new SearchCursor(page.next(), at.from(), at.to()).encode();
    }

    @ServerExceptionMapper
    public Response problem(SearchProblem e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", 400, "error", "Bad search", "detail", e.getMessage(), "position",
                        e.position()))
                .build();
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        return JsonProblems.storeUnavailable(DependencySetup.rootMessage(e));
    }
}
