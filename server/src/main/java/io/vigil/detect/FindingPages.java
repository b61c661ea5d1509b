package io.vigil.detect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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
import io.vigil.index.FindingsBrowser;
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

    /** The list's filters as the form and the links carry them. */
    public record Filters(String rule, String level, String source, String from, String to, String group,
            String sort) {

        /** This list with other parameters, as a link. */
        public String url(int page) {
            StringBuilder url = new StringBuilder("/alerts/findings?from=").append(enc(from)).append("&to=")
                    .append(enc(to));
            for (String[] p : new String[][]{{"rule", rule}, {"level", level}, {"source", source}, {"group", group},
                    {"sort", sort}}) {
                if (!p[1].isEmpty()) {
                    url.append('&').append(p[0]).append('=').append(enc(p[1]));
                }
            }
            return page == 0 ? url.toString() : url.append("&page=").append(page).toString();
        }

        /** The same filters for one rule. */
        public String ruleUrl(String ruleId) {
            return new Filters(ruleId, level, source, from, to, group, sort).url(0);
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** What the page shows of a page of findings: the page, its place among all, the rules among them. */
    public record Listing(FindingsBrowser.Page page, int number, String previous, String next) {

        public String totalText() {
            return String.format(Locale.ROOT, "%,d", page.total());
        }

        public int firstShown() {
            return number * PAGE_SIZE + 1;
        }

        public int lastShown() {
            return number * PAGE_SIZE + page.findings().size();
        }
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance findings(Filters filters, Listing listing, List<FindingsBrowser.Group> groups,
                List<String> levels, List<String> groupFields, List<TimeRange.Preset> presets, String problem);
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
            @QueryParam("group") String group, @QueryParam("sort") String sort, @QueryParam("page") int page) {
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
            int number = Math.max(0, Math.min(page, FindingsBrowser.MAX_WINDOW / PAGE_SIZE - 1));
            var order = filters.sort().isEmpty() ? FindingsBrowser.Order.EVENT_TIME : FindingsBrowser.Order.FOUND;
            var found = findings.page(currentUser.user(), filter, order, number, PAGE_SIZE);
            boolean more = (long) (number + 1) * PAGE_SIZE < Math.min(found.total(), FindingsBrowser.MAX_WINDOW);
            return render(filters, new Listing(found, number, number > 0 ? filters.url(number - 1) : null,
                    more ? filters.url(number + 1) : null), List.of(), null);
        } catch (SearchProblem | IllegalArgumentException e) {
            return render(filters, null, List.of(), e.getMessage());
        } catch (StoreUnavailableException e) {
            return render(filters, null, List.of(), "OpenSearch cannot be read right now: "
                    + DependencySetup.rootMessage(e));
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
