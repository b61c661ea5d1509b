package io.vigil.detect.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** A page of rules whose title or id contains {@code text}, of one pack and level when given. */
    @Transactional
    public RulePage search(String text, String pack, String level, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (text != null) {
            where.append(" and (lower(title) like :text or lower(id) like :text)");
            params.put("text", "%" + text.toLowerCase(Locale.ROOT) + "%");
        }
        if (pack != null) {
            where.append(" and pack = :pack");
            params.put("pack", pack);
        }
        if (level != null) {
            where.append(" and level = :level");
            params.put("level", level);
        }
        Map<String, Boolean> packs = packStates();
        var query = DetectionRule.<DetectionRule>find(where + " order by title, id", params);
        List<RuleView> rules = query.page(page, size).list().stream()
                .map(rule -> RuleView.of(rule, packs.getOrDefault(rule.pack, false), false)).toList();
        return new RulePage(rules, query.count(), page, size);
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
        return Optional.ofNullable(DetectionRule.<DetectionRule>findById(id)).map(rule -> view(rule, true));
    }

    @Transactional
    public List<RuleVersion> history(String id) {
        return RuleVersion.list("ruleId = ?1 order by version desc", id);
    }
}
