package io.vigil.detect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.event.Level;
import io.vigil.index.FindingsBrowser;
import io.vigil.index.FindingsReader.StoredFinding;
import io.vigil.index.StoreUnavailableException;
import io.vigil.ops.DependencySetup;
import io.vigil.search.FindingSearchService;
import io.vigil.search.SearchProblem;
import io.vigil.search.TimeRange;

/**
 * The findings (rule matches) an analyst works through: filtered by rule, level, source and event time,
 * paged with their total, counted per rule, or folded into one row per rule and key (a source address, a
 * user) however many ingest batches split them.
 */
@Path("/alerts/findings")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class FindingPages {

    static final int PAGE_SIZE = 50;
    static final int GROUPS = 200;
    static final int NEWEST = 10;

    /** The list's filters as the form and the links carry them. */
    public record Filters(String rule, String level, String source, String from, String to, String group,
            String sort) {

        /** This list from its first page, as a link. */
        public String url() {
            StringBuilder url = new StringBuilder("/alerts/findings?from=").append(enc(from)).append("&to=")
                    .append(enc(to));
            for (String[] p : new String[][]{{"rule", rule}, {"level", level}, {"source", source}, {"group", group},
                    {"sort", sort}}) {
                if (!p[1].isEmpty()) {
                    url.append('&').append(p[0]).append('=').append(enc(p[1]));
                }
            }
            return url.toString();
        }

        /** The same filters for one rule. */
        public String ruleUrl(String ruleId) {
            return new Filters(ruleId, level, source, from, to, group, sort).url();
        }

        static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /**
     * What the page shows of a page of findings: the page, how many findings come before it, the rules among
     * all, and links to the newest page ({@code first}, null on it) and the next ({@code next}, null on the last).
     */
    public record Listing(FindingsBrowser.Page page, long at, String first, String next) {

        public String totalText() {
            return String.format(Locale.ROOT, "%,d", page.total());
        }

        public String firstShown() {
            return String.format(Locale.ROOT, "%,d", at + 1);
        }

        public String lastShown() {
            return String.format(Locale.ROOT, "%,d", at + page.findings().size());
        }
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance findings(Filters filters, Listing listing, List<FindingsBrowser.Group> groups,
                List<String> levels, List<String> groupFields, List<TimeRange.Preset> presets, String problem);

        static native TemplateInstance findings$finding(StoredFinding finding);

        static native TemplateInstance findings$newest(List<StoredFinding> findings, String problem);
    }

    private final FindingSearchService findings;
    private final CurrentUser currentUser;

    FindingPages(FindingSearchService findings, CurrentUser currentUser) {
        this.findings = findings;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    public TemplateInstance page(@QueryParam("rule") String rule, @QueryParam("level") String level,
            @QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("group") String group, @QueryParam("sort") String sort, @QueryParam("after") String after,
            @QueryParam("at") long at) {
        var filters = new Filters(orEmpty(rule), orEmpty(level), orEmpty(source),
                blank(from) ? TimeRange.ALL_TIME : from.trim(), blank(to) ? "now" : to.trim(), orEmpty(group),
                "found".equals(sort) ? "found" : "");
        try {
            TimeRange range = TimeRange.parse(filters.from(), filters.to(), java.time.Instant.now());
            var filter = new FindingsBrowser.Filter(blankToNull(rule), blankToNull(level), blankToNull(source),
                    range.from(), range.to());
            if (!filters.group().isEmpty()) {
                return render(filters, null, findings.groups(currentUser.user(), filter, filters.group(), GROUPS),
                        null);
            }
            var order = filters.sort().isEmpty() ? FindingsBrowser.Order.EVENT_TIME : FindingsBrowser.Order.FOUND;
            boolean later = after != null && !after.isBlank();
            var found = findings.page(currentUser.user(), filter, order, later ? after : null, PAGE_SIZE);
            long before = later ? Math.max(0, at) : 0;
            String next = found.next() == null || before + found.findings().size() >= found.total()
                    ? null
                    : filters.url() + "&after=" + Filters.enc(found.next()) + "&at=" + (before + PAGE_SIZE);
            return render(filters, new Listing(found, before, later ? filters.url() : null, next), List.of(), null);
        } catch (SearchProblem | IllegalArgumentException e) {
            return render(filters, null, List.of(), e.getMessage());
        } catch (StoreUnavailableException e) {
            return render(filters, null, List.of(), "OpenSearch cannot be read right now: "
                    + DependencySetup.rootMessage(e));
        }
    }

    /** The newest high and critical findings in the user's scope (Home loads this panel). */
    @GET
    @Path("/newest")
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    public TemplateInstance newest() {
        try {
            List<StoredFinding> severe = new java.util.ArrayList<>();
            for (String level : List.of("critical", "high")) {
                severe.addAll(findings.latest(currentUser.user(), null, level, NEWEST));
            }
            severe.sort(java.util.Comparator.comparing(StoredFinding::time).reversed());
            return Templates.findings$newest(severe.subList(0, Math.min(NEWEST, severe.size())), null);
        } catch (StoreUnavailableException e) {
            return Templates.findings$newest(List.of(), "OpenSearch cannot be read right now: "
                    + DependencySetup.rootMessage(e));
        }
    }

    /** One finding in the flyout over the list (its ref is "index/id"); 404 outside the user's scope. */
    @GET
    @Path("/{index}/{id}")
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    public Response finding(@PathParam("index") String index, @PathParam("id") String id) {
        try {
            return findings.one(currentUser.user(), index + "/" + id)
                    .map(found -> Response.ok(Templates.findings$finding(found)).build())
                    .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE)
                            .entity("No such finding, or not in your data scope.").build());
        } catch (StoreUnavailableException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("OpenSearch cannot be read right now: " + DependencySetup.rootMessage(e)).build();
        }
    }

    private static TemplateInstance render(Filters filters, Listing listing, List<FindingsBrowser.Group> groups,
            String problem) {
        return Templates.findings(filters, listing, groups, Level.IDS, FindingsBrowser.GROUP_FIELDS, TimeRange.PRESETS,
                problem);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
