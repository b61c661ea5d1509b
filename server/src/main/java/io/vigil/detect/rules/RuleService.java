package io.vigil.detect.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.vigil.detect.sigma.SigmaError;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

/**
 * Rules and packs: import (every document answered on its own: stored, updated, unchanged or refused
 * with the compiler's reason), enable/disable per rule and per pack, and a version for every change.
 * Only YAML that compiles completely is stored.
 */
@ApplicationScoped
public class RuleService {

    /** Rule ids go into URLs and page element ids: no slashes, spaces or other separators. */
    private static final java.util.regex.Pattern VALID_ID = java.util.regex.Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final SigmaParser parser = new SigmaParser();
    private final Clock clock = Clock.systemUTC();
    private final Event<RulesChanged> changed;

    RuleService(Event<RulesChanged> changed) {
        this.changed = changed;
    }

    /** An enabled detection rule of an enabled pack, as the detection loads it. */
    public record StoredRule(String id, int version, String yaml) {
    }

    /** The enabled rules (not filters or correlations) of enabled packs. */
    @Transactional
    public List<StoredRule> activeRules() {
        return DetectionRule.<DetectionRule>find(
                "kind = 'rule' and enabled = true and pack in (select p.name from RulePack p where p.enabled = true)")
                .list().stream().map(rule -> new StoredRule(rule.id, rule.version, rule.yaml)).toList();
    }

    /** A stored correlation rule's YAML. */
    @Transactional
    public Optional<String> correlationYaml(String id) {
        DetectionRule rule = DetectionRule.findById(id);
        return rule != null && "correlation".equals(rule.kind) ? Optional.of(rule.yaml) : Optional.empty();
    }

    /** The enabled correlation rules of enabled packs. */
    @Transactional
    public List<StoredRule> activeCorrelations() {
        return DetectionRule.<DetectionRule>find(
                "kind = 'correlation' and enabled = true and pack in (select p.name from RulePack p where p.enabled = true)")
                .list().stream().map(rule -> new StoredRule(rule.id, rule.version, rule.yaml)).toList();
    }

    /** The enabled global filters of enabled packs, applied to the rules they name. */
    @Transactional
    public List<StoredRule> activeFilters() {
        return DetectionRule.<DetectionRule>find(
                "kind = 'filter' and enabled = true and pack in (select p.name from RulePack p where p.enabled = true)")
                .list().stream().map(rule -> new StoredRule(rule.id, rule.version, rule.yaml)).toList();
    }

    /** Changes whenever a rule or pack changes: lets every replica notice changes made elsewhere. */
    @Transactional
    public String fingerprint() {
        Object[] rules = (Object[]) DetectionRule.getEntityManager()
                .createQuery("select count(r), max(r.updatedAt), sum(r.version) from DetectionRule r")
                .getSingleResult();
        long enabledPacks = RulePack.count("enabled", true);
        // alert levels change no version: their own digest makes other replicas reload too
        Object levels = DetectionRule.getEntityManager().createNativeQuery("""
                select md5(coalesce((select string_agg(id || '=' || alert_level, ',' order by id) from detection_rule
                    where alert_level is not null), '') || '/' || coalesce((select string_agg(name || '='
                    || alert_level, ',' order by name) from rule_pack where alert_level is not null), ''))""")
                .getSingleResult();
        return rules[0] + ":" + rules[1] + ":" + rules[2] + ":" + enabledPacks + "/" + RulePack.count() + ":"
                + levels;
    }

    /** What became of one document of an import. */
    public record Imported(int document, String id, String title, String outcome, String error) {
    }

    @Transactional
    public List<Imported> importYaml(String pack, String packTitle, boolean builtin, String yaml, String user) {
        // The pack is made with its first stored rule: an import refused whole leaves nothing behind.
        Supplier<RulePack> target = packWhenNeeded(pack, packTitle, builtin);
        List<Imported> answer = new ArrayList<>();
        List<SigmaResult> results = parser.parse(yaml);
        Map<Integer, String> refused = CorrelationReferences.refusals(results);
        for (SigmaResult result : results) {
            String refusal = refused.get(result.documentIndex());
            answer.add(refusal == null ? apply(target, result, user) : CorrelationReferences.refused(result, refusal));
        }
        changed.fire(new RulesChanged("import into " + pack));
        return answer;
    }

    /** Imports a built-in pack's files in one transaction (first start); returns how many documents were refused. */
    @Transactional
    public int importBuiltinPack(String pack, String title, List<String> files) {
        Supplier<RulePack> target = packWhenNeeded(pack, title, true);
        int refused = 0;
        for (String text : files) {
            for (SigmaResult result : parser.parse(text)) {
                Imported done = apply(target, result, "vigil");
                refused += done.outcome().equals("refused") ? 1 : 0;
            }
        }
        changed.fire(new RulesChanged("built-in pack " + pack));
        return refused;
    }

    /** Whether a pack of this name exists. */
    @Transactional
    public boolean packExists(String name) {
        return RulePack.findById(name) != null;
    }

    private Imported apply(Supplier<RulePack> pack, SigmaResult result, String user) {
        return switch (result) {
            case SigmaError error -> new Imported(error.documentIndex(), error.id(), error.title(), "refused",
                    error.toString());
            case SigmaResult.Rule rule -> store(pack, rule.documentIndex(), rule.rule().id(), "rule",
                    rule.rule().title(), rule.rule().level(), rule.rule().status(), rule.rule().yaml(), user,
                    stored -> RuleFacts.fill(stored, rule.rule().name(), rule.rule().logsource(), rule.rule().tags()));
            case SigmaResult.Filter filter -> store(pack, filter.documentIndex(), filter.filter().id(), "filter",
                    filter.filter().title(), null, null, filter.filter().yaml(), user,
                    stored -> RuleFacts.fill(stored, null, filter.filter().logsource(), List.of()));
            case SigmaResult.Correlation c -> store(pack, c.documentIndex(), c.correlation().id(), "correlation",
                    c.correlation().title(), c.correlation().level(), c.correlation().status(), c.correlation().yaml(),
                    user, stored -> RuleFacts.fill(stored, c.correlation().name(), null,
                            c.correlation().tags()));
        };
    }

    private Imported store(Supplier<RulePack> pack, int document, String id, String kind, String title, String level,
            String status, String yaml, String user, Consumer<DetectionRule> facts) {
        if (id == null || id.isBlank()) {
            return new Imported(document, null, title, "refused", "the rule has no id: every stored rule needs one");
        }
        if (!VALID_ID.matcher(id).matches()) {
            return new Imported(document, id, title, "refused", "id: 1-100 characters of letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit (Sigma ids are UUIDs); the id is part of the rule's"
                    + " address");
        }
        DetectionRule existing = DetectionRule.findById(id);
        if (existing != null && existing.yaml.equals(yaml)) {
            return new Imported(document, id, title, "unchanged", null);
        }
        DetectionRule rule = existing != null ? existing : new DetectionRule();
        rule.id = id;
        rule.pack = pack.get().name;
        rule.kind = kind;
        rule.title = title;
        rule.level = level;
        rule.status = status;
        rule.yaml = yaml;
        facts.accept(rule);
        rule.version = existing == null ? 1 : existing.version + 1;
        rule.enabled = existing == null || existing.enabled;
        rule.updatedAt = clock.instant();
        rule.updatedBy = user;
        if (existing == null) {
            rule.persist();
        }
        keepVersion(rule, existing == null ? "imported" : "updated", user);
        return new Imported(document, id, title, existing == null ? "stored" : "updated", null);
    }

    @Transactional
    public Optional<RuleView> setEnabled(String id, boolean enabled, String user) {
        DetectionRule rule = DetectionRule.findById(id);
        if (rule == null) {
            return Optional.empty();
        }
        if (switchRule(rule, enabled, user)) {
            changed.fire(new RulesChanged("rule " + id));
        }
        return Optional.of(RuleCatalog.view(rule, false));
    }

    /** Switches many rules in one change (the bulk action of the rules list); returns how many changed. */
    @Transactional
    public int setEnabled(List<String> ids, boolean enabled, String user) {
        int switched = 0;
        for (String id : ids) {
            DetectionRule rule = DetectionRule.findById(id);
            switched += rule != null && switchRule(rule, enabled, user) ? 1 : 0;
        }
        if (switched > 0) {
            changed.fire(new RulesChanged(switched + " rules " + (enabled ? "enabled" : "disabled")));
        }
        return switched;
    }

    private boolean switchRule(DetectionRule rule, boolean enabled, String user) {
        if (rule.enabled == enabled) {
            return false;
        }
        rule.enabled = enabled;
        rule.disabledReason = null;
        rule.version++;
        rule.updatedAt = clock.instant();
        rule.updatedBy = user;
        keepVersion(rule, enabled ? "enabled" : "disabled", user);
        return true;
    }

    /**
     * Disables a rule on Vigil's own decision, with the reason shown wherever the rule is; a no-op when
     * the rule is already disabled or has changed since (its version is no longer {@code version}).
     */
    @Transactional
    public void disableBySystem(String id, int version, String reason) {
        DetectionRule rule = DetectionRule.findById(id);
        if (rule == null || !rule.enabled || rule.version != version) {
            return;
        }
        rule.enabled = false;
        rule.disabledReason = reason;
        rule.version++;
        rule.updatedAt = clock.instant();
        rule.updatedBy = "vigil";
        keepVersion(rule, "disabled: " + reason, "vigil");
        changed.fire(new RulesChanged("rule " + id + " disabled: " + reason));
    }

    @Transactional
    public boolean setPackEnabled(String name, boolean enabled) {
        RulePack pack = RulePack.findById(name);
        if (pack == null) {
            return false;
        }
        pack.enabled = enabled;
        changed.fire(new RulesChanged("pack " + name));
        return true;
    }

    /**
     * Stores the YAML of one rule written in the console: a new rule goes into {@code pack}, an existing
     * one (same id) stays in its pack and gets a new version. Refused whole, as an import is, when it
     * does not compile or holds other than one document.
     */
    @Transactional
    public Imported save(String pack, String yaml, String user) {
        List<SigmaResult> results = parser.parse(yaml);
        if (results.size() != 1) {
            return new Imported(0, null, null, "refused", "the editor holds one rule; this text has "
                    + results.size() + " documents (import them instead)");
        }
        DetectionRule existing = results.get(0) instanceof SigmaResult.Rule rule && rule.rule().id() != null
                ? DetectionRule.findById(rule.rule().id())
                : null;
        if (results.get(0) instanceof SigmaError error) {
            return new Imported(0, error.id(), error.title(), "refused", error.toString());
        }
        Supplier<RulePack> target = existing != null
                ? () -> RulePack.findById(existing.pack)
                : packWhenNeeded(pack, pack, false);
        String refusal = CorrelationReferences.refusals(results).get(0);
        Imported done = refusal == null
                ? apply(target, results.get(0), user)
                : CorrelationReferences.refused(results.get(0), refusal);
        if (!done.outcome().equals("refused")) {
            changed.fire(new RulesChanged("rule " + done.id() + " saved"));
        }
        return done;
    }

    private void keepVersion(DetectionRule rule, String change, String user) {
        var version = new RuleVersion();
        version.ruleId = rule.id;
        version.version = rule.version;
        version.yaml = rule.yaml;
        version.enabled = rule.enabled;
        version.change = change;
        version.changedAt = rule.updatedAt;
        version.changedBy = user;
        version.persist();
    }

    private Supplier<RulePack> packWhenNeeded(String name, String title, boolean builtin) {
        RulePack[] made = new RulePack[1];
        return () -> made[0] != null ? made[0] : (made[0] = ensurePack(name, title, builtin));
    }

    private RulePack ensurePack(String name, String title, boolean builtin) {
        RulePack pack = RulePack.findById(name);
        if (pack == null) {
            pack = new RulePack();
            pack.name = name;
            pack.title = title;
            pack.builtin = builtin;
            pack.enabled = true;
            pack.createdAt = Instant.now(clock);
            pack.persist();
        }
        return pack;
    }
}
