package io.vigil.detect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.MissingNode;

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
import io.vigil.web.Preferences;

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

    /** The columns the list sorts by on the server (the others sort the page shown), by {@code sort} value. */
    static final Map<String, FindingsBrowser.Order> ORDERS = Map.of("", FindingsBrowser.Order.EVENT_TIME, "found",
            FindingsBrowser.Order.FOUND, "level", FindingsBrowser.Order.LEVEL, "source",
            FindingsBrowser.Order.SOURCE, "events", FindingsBrowser.Order.EVENTS);

    /** The list's filters as the form and the links carry them; {@code dir} "asc", or "" for descending. */
    public record Filters(String rule, String level, String source, String from, String to, String group,
            String sort, String dir) {

        /** This list from its first page, as a link. */
        public String url() {
            StringBuilder url = new StringBuilder("/alerts/findings?from=").append(enc(from)).append("&to=")
                    .append(enc(to));
            for (String[] p : new String[][]{{"rule", rule}, {"level", level}, {"source", source}, {"group", group},
                    {"sort", sort}, {"dir", dir}}) {
                if (!p[1].isEmpty()) {
                    url.append('&').append(p[0]).append('=').append(enc(p[1]));
                }
            }
            return url.toString();
        }

        /** The same filters for one rule. */
        public String ruleUrl(String ruleId) {
            return new Filters(ruleId, level, source, from, to, group, sort, dir).url();
        }

        /** The list sorted by a column on the server (the table adds the direction), as a link. */
        public String sortUrl(String column) {
            return new Filters(rule, level, source, from, to, group, column.equals("time") ? "" : column, "").url();
        }

        /** The order of the list, in words. */
        public String orderText() {
            boolean up = dir.equals("asc");
            return switch (sort) {
                case "found" -> up ? "oldest found first" : "newest found first";
                case "level" -> up ? "least severe first" : "most severe first";
                case "source" -> up ? "by source, A to Z" : "by source, Z to A";
                case "events" -> up ? "fewest events first" : "most events first";
                default -> up ? "oldest event first" : "newest event first";
            };
        }

        /** The header's aria-sort for a column sorted on the server: this list's, or none. */
        public String ariaSort(String column) {
            return (column.equals("time") ? "" : column).equals(sort)
                    ? (dir.equals("asc") ? "ascending" : "descending")
                    : null;
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
    private final Preferences preferences;

    FindingPages(FindingSearchService findings, CurrentUser currentUser, Preferences preferences) {
        this.findings = findings;
        this.currentUser = currentUser;
        this.preferences = preferences;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ALERTS_READ)
    public TemplateInstance page(@QueryParam("rule") String rule, @QueryParam("level") String level,
            @QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("group") String group, @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("after") String after, @QueryParam("at") long at) {
        // without a sort in the address, the one the user last chose (kept by the table, grid.findings)
        var saved = sort == null ? preferences.value("grid.findings").path("sort") : MissingNode.getInstance();
        String order = sort != null ? sort : saved.path("server").asBoolean() ? saved.path("col").asText("") : "";
        String direction = dir != null ? dir : "ascending".equals(saved.path("dir").asText()) ? "asc" : "";
        order = order.equals("time") ? "" : order;
        var filters = new Filters(orEmpty(rule), orEmpty(level), orEmpty(source),
                blank(from) ? TimeRange.ALL_TIME : from.trim(), blank(to) ? "now" : to.trim(), orEmpty(group),
                ORDERS.containsKey(order) ? order : "", "asc".equals(direction) ? "asc" : "");
        try {
            TimeRange range = TimeRange.parse(filters.from(), filters.to(), java.time.Instant.now());
            var filter = new FindingsBrowser.Filter(blankToNull(rule), blankToNull(level), blankToNull(source),
                    range.from(), range.to());
            if (!filters.group().isEmpty()) {
                return render(filters, null, findings.groups(currentUser.user(), filter, filters.group(), GROUPS),
                        null);
            }
            boolean later = after != null && !after.isBlank();
            var found = findings.page(currentUser.user(), filter, ORDERS.get(filters.sort()),
                    filters.dir().equals("asc"), later ? after : null, PAGE_SIZE);
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
