package io.vigil.detect.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/**
 * Reading rules and packs for pages and the API: lists, a rule with its YAML, its versions. Each rule
 * is shown with whether detection runs it, its own switch and its pack's apart. Changes go through
 * {@link RuleService}.
 */
@ApplicationScoped
public class RuleCatalog {

    /** One page of the rules a search finds, and how many it finds in all. */
    public record RulePage(List<RuleView> rules, long total, int page, int size) {

        /** The 1-based number of the first rule shown. */
        public long firstShown() {
            return (long) page * size + 1;
        }

        public long lastShown() {
            return (long) page * size + rules.size();
        }

        public boolean hasNext() {
            return lastShown() < total;
        }
    }

    /** How recent an event of a rule's logsource must be for the rule to "have data". */
    static final Duration DATA_WINDOW = Duration.ofDays(7);

    /**
     * Some event of the rule's logsource came in within {@link #DATA_WINDOW}: each of product, service and
     * category the rule states equals the event's (Sigma's logsource rule, as {@code EventContext.admits}).
     */
    private static final String HAS_DATA = """
            exists (select 1 from SeenLogSource s where s.lastSeen > :since
              and (r.logsourceProduct is null or r.logsourceProduct = s.product)
              and (r.logsourceService is null or r.logsourceService = s.service)
              and (r.logsourceCategory is null or r.logsourceCategory = s.category))""";

    /** A page of the rules the filter lets through, by title, each with whether it has data. */
    @Transactional
    public RulePage search(RuleFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("from DetectionRule r where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        filter.set().forEach((name, value) -> {
            switch (name) {
                case "q" -> where.append(" and (lower(r.title) like :q or lower(r.id) like :q)");
                case "pack" -> where.append(" and r.pack = :pack");
                case "level" -> where.append(" and r.level = :level");
                case "logsource" -> where.append(" and concat(coalesce(r.logsourceProduct, ''), '/',"
                        + " coalesce(r.logsourceService, ''), '/', coalesce(r.logsourceCategory, '')) like :logsource");
                case "tag" -> where.append(" and r.tags like :tag");
                case "state" ->
                    where.append(value.equals("enabled") ? " and r.enabled = true" : " and r.enabled = false");
                case "data" -> where.append(value.equals("yes") ? " and " : " and not ").append(HAS_DATA);
                default -> throw new IllegalStateException(name);
            }
            switch (name) {
                case "q", "logsource" -> params.put(name, "%" + value.toLowerCase(Locale.ROOT) + "%");
                case "tag" -> params.put(name, "%," + value.toLowerCase(Locale.ROOT) + ",%");
                case "pack", "level" -> params.put(name, value);
                case "data" -> params.put("since", Instant.now().minus(DATA_WINDOW));
                default -> {
                }
            }
        });
        Map<String, Boolean> packs = packStates();
        var query = DetectionRule.<DetectionRule>find(where + " order by r.title, r.id", params);
        List<DetectionRule> found = query.page(page, size).list();
        Set<String> withData = withData(found.stream().map(rule -> rule.id).toList());
        List<RuleView> rules = found.stream().map(rule -> RuleView.of(rule, packs.getOrDefault(rule.pack, false),
                false).withData(withData.contains(rule.id))).toList();
        return new RulePage(rules, query.count(), page, size);
    }

    /** Which of these rules have data (see {@link #HAS_DATA}). */
    private static Set<String> withData(List<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(DetectionRule.getEntityManager().createQuery("select r.id from DetectionRule r"
                + " where r.id in :ids and " + HAS_DATA, String.class).setParameter("ids", ids)
                .setParameter("since", Instant.now().minus(DATA_WINDOW)).getResultList());
    }

    /** Whether each pack is switched on, by name: with a rule's own switch, whether detection runs it. */
    private static Map<String, Boolean> packStates() {
        Map<String, Boolean> states = new HashMap<>();
        RulePack.<RulePack>listAll().forEach(pack -> states.put(pack.name, pack.enabled));
        return states;
    }

    static RuleView view(DetectionRule rule, boolean withYaml) {
        RulePack pack = RulePack.findById(rule.pack);
        return RuleView.of(rule, pack != null && pack.enabled, withYaml);
    }

    /** A pack with how many rules it has and how many of them are enabled. */
    public record PackView(String name, String title, boolean builtin, boolean enabled, long rules, long enabledRules) {
    }

    @Transactional
    public List<PackView> packs() {
        List<PackView> packs = new ArrayList<>();
        for (RulePack pack : RulePack.<RulePack>listAll(Sort.by("name"))) {
            packs.add(new PackView(pack.name, pack.title, pack.builtin, pack.enabled,
                    DetectionRule.count("pack", pack.name), DetectionRule.count("pack = ?1 and enabled = true",
                            pack.name)));
        }
        return packs;
    }

    @Transactional
    public List<RuleView> list() {
        Map<String, Boolean> packs = packStates();
        return DetectionRule.<DetectionRule>list("order by pack, title").stream()
                .map(rule -> RuleView.of(rule, packs.getOrDefault(rule.pack, false), false))
                .toList();
    }

    @Transactional
    public Optional<RuleView> find(String id) {
        return Optional.ofNullable(DetectionRule.<DetectionRule>findById(id))
                .map(rule -> view(rule, true).withData(!withData(List.of(rule.id)).isEmpty()));
    }

    @Transactional
    public List<RuleVersion> history(String id) {
        return RuleVersion.list("ruleId = ?1 order by version desc", id);
    }
}
