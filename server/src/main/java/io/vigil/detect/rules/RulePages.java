package io.vigil.detect.rules;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
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
import io.vigil.detect.backtest.Backtest;
import io.vigil.detect.backtest.BacktestRange;
import io.vigil.detect.backtest.BacktestService;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.event.Level;
import io.vigil.search.SearchScope;

/**
 * The rules section of the console: packs and rules with their switches, and a rule's page — its
 * YAML in an editor the server checks as it is typed, its ATT&CK tags, versions, and backtests of
 * what is in the editor over stored events. Changes are htmx posts answered with fragments.
 */
@Path("/rules")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class RulePages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance rules(List<RuleCatalog.PackView> packs, RuleCatalog.RulePage rules,
                RuleFilter filter, List<String> levels, String previous, String next, boolean canWrite);

        static native TemplateInstance rules$packs(List<RuleCatalog.PackView> packs, boolean canWrite);

        static native TemplateInstance rules$switch(RuleView rule, boolean canWrite);

        static native TemplateInstance rule(String pageTitle, RuleView rule, String yaml, RuleCheck check,
                List<RuleVersion> versions, boolean canWrite, List<String> ranges);

        static native TemplateInstance rule$check(RuleCheck check);

        static native TemplateInstance rule$saved(String problem);

        static native TemplateInstance rule$backtest(Backtest backtest);

        static native TemplateInstance rule$backtestProblem(String problem);
    }

    static final List<String> RANGES = List.of("1h", "24h", "7d", "30d");
    private static final int PAGE_SIZE = 100;
    private static final String NEW_RULE = """
            title: ''
            id: %s
            status: experimental
            description: ''
            author: ''
            date: %s
            tags:
                - attack.
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventSource: ''
                    eventName: ''
                condition: selection
            falsepositives:
                - Unknown
            level: medium
            """;

    private final RuleService rules;
    private final RuleCatalog catalog;
    private final BacktestService backtests;
    private final CurrentUser currentUser;

    RulePages(RuleService rules, RuleCatalog catalog, BacktestService backtests, CurrentUser currentUser) {
        this.rules = rules;
        this.catalog = catalog;
        this.backtests = backtests;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.RULES_READ)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("pack") String pack,
            @QueryParam("level") String level, @QueryParam("logsource") String logsource,
            @QueryParam("tag") String tag, @QueryParam("state") String state, @QueryParam("data") String data,
            @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page) {
        int at = Math.max(0, page);
        RuleFilter filter = RuleFilter.of(q, pack, level, logsource, tag, state, data);
        var rules = catalog.search(filter, at, PAGE_SIZE);
        return Templates.rules(catalog.packs(), rules, filter, Level.IDS, at > 0 ? filter.url(at - 1) : null,
                rules.hasNext() ? filter.url(at + 1) : null, canWrite());
    }

    @GET
    @Path("new")
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    public TemplateInstance create(@QueryParam("yaml") String draft) {
        // a draft comes from elsewhere in the console (a saved search); it is only text for the editor
        String yaml = draft != null && !draft.isBlank()
                ? draft
                : NEW_RULE.formatted(java.util.UUID.randomUUID(),
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().replace('-', '/'));
        return Templates.rule("New rule", null, yaml, RuleCheck.of(yaml), List.of(), true, RANGES);
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.RULES_READ)
    public TemplateInstance rule(@PathParam("id") String id) {
        RuleView rule = catalog.find(id).orElseThrow(() -> new NotFoundException("no rule with id " + id));
        return Templates.rule(rule.title(), rule, rule.yaml(), RuleCheck.of(rule.yaml()), catalog.history(id),
                canWrite(), RANGES);
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.RULES_READ)
    public TemplateInstance check(@FormParam("yaml") String yaml) {
        return Templates.rule$check(RuleCheck.of(yaml));
    }

    @POST
    @Path("save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    public Response save(@FormParam("yaml") String yaml, @FormParam("pack") String pack) {
        String packName = pack == null || pack.isBlank() ? "custom" : pack.trim();
        if (!packName.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            return Response.status(422).entity(Templates.rule$saved("pack: 1-64 characters of a-z, 0-9, - or _"))
                    .build();
        }
        RuleService.Imported done = rules.save(packName, yaml == null ? "" : yaml, currentUser.user().username());
        if (done.outcome().equals("refused")) {
            return Response.status(422).entity(Templates.rule$saved("Not saved: " + done.error())).build();
        }
        // the page is shown again with the new version in its history
        return Response.ok(Templates.rule$saved(null)).header("HX-Redirect", "/rules/" + encode(done.id())).build();
    }

    @POST
    @Path("{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    public TemplateInstance setEnabled(@PathParam("id") String id, @FormParam("enabled") boolean enabled) {
        rules.setEnabled(id, enabled, currentUser.user().username())
                .orElseThrow(() -> new NotFoundException("no rule with id " + id));
        return Templates.rules$switch(catalog.find(id).orElseThrow(), true);
    }

    /** The rules list's bulk action: the selected rules on or off, then the list again (HX-Refresh). */
    @POST
    @Path("bulk-enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    public Response setManyEnabled(@FormParam("ids") List<String> ids, @FormParam("enabled") boolean enabled) {
        if (ids == null || ids.isEmpty() || ids.size() > PAGE_SIZE) {
            return Response.status(422).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("Select 1 to " + PAGE_SIZE + " rules first.").build();
        }
        int switched = rules.setEnabled(ids, enabled, currentUser.user().username());
        return Response.ok(switched + " rules " + (enabled ? "enabled" : "disabled"), MediaType.TEXT_PLAIN_TYPE)
                .header("HX-Refresh", "true").build();
    }

    @POST
    @Path("packs/{name}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    public TemplateInstance setPackEnabled(@PathParam("name") String name, @FormParam("enabled") boolean enabled) {
        if (!rules.setPackEnabled(name, enabled)) {
            throw new NotFoundException("no pack named " + name);
        }
        return Templates.rules$packs(catalog.packs(), true);
    }

    @POST
    @Path("backtests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    public Response backtest(@FormParam("yaml") String yaml, @FormParam("range") String range) {
        SigmaRule rule = RuleCheck.single(yaml);
        if (rule == null) {
            return Response.status(422).entity(Templates.rule$backtestProblem(
                    "The editor must hold one rule that compiles (see the check above the editor).")).build();
        }
        BacktestRange parsed;
        try {
            parsed = BacktestRange.parse(range);
        } catch (IllegalArgumentException e) {
            return Response.status(422).entity(Templates.rule$backtestProblem(e.getMessage())).build();
        }
        return Response.ok(Templates.rule$backtest(backtests.start(rule, parsed, SearchScope.of(currentUser.user()))))
                .build();
    }

    @GET
    @Path("backtests/{job}")
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    public TemplateInstance backtestState(@PathParam("job") String job) {
        return Templates.rule$backtest(backtests.get(job).orElseThrow(() -> new NotFoundException(
                "no backtest " + job + " (backtests are kept in memory and end with a restart)")));
    }

    @POST
    @Path("backtests/{job}/cancel")
    @PermissionsAllowed(Permission.Names.RULES_WRITE)
    public TemplateInstance cancel(@PathParam("job") String job) {
        backtests.cancel(job);
        return backtestState(job);
    }

    private boolean canWrite() {
        return currentUser.user().can(Permission.RULES_WRITE);
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
