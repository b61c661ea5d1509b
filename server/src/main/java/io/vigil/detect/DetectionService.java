package io.vigil.detect;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.detect.alert.Raised;
import io.vigil.detect.correlate.CorrelationEngine;
import io.vigil.detect.match.EventContext;
import io.vigil.detect.match.EventFields;
import io.vigil.detect.match.RuleSet;
import io.vigil.detect.rules.AlertLevels;
import io.vigil.detect.rules.RuleService;
import io.vigil.detect.rules.RulesChanged;
import io.vigil.detect.sigma.SigmaFilter;
import io.vigil.detect.sigma.SigmaFilters;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.event.Level;
import io.vigil.event.NormalizedEvent;
import io.vigil.event.SourceType;

/**
 * Runs the enabled rules on every ingested event and turns matches into findings, written with the
 * events in the same bulk request: a finding is stored within the ingest call of its event. The rule
 * set is compiled once and swapped whole when rules change (here, or on another replica: checked on a
 * schedule).
 */
@ApplicationScoped
public class DetectionService {

    private static final Logger LOG = Logger.getLogger(DetectionService.class);
    /** Fields kept with each finding so correlations can group on them. */
    private static final List<String> GROUP_FIELDS = List.of("source.ip", "user.name", "host.name",
            "cloud.account.id");

    /** One enabled rule, compiled. */
    record ActiveRule(String id, int version, SigmaRule rule) {
    }

    /**
     * The active rules, by id (as run: with their filters folded in), their dispatch index, and the
     * filters and their versions: swapped whole on reload.
     */
    record Loaded(Map<String, ActiveRule> rules, RuleSet set, SigmaFilters filters, String filterVersions) {

        static final Loaded EMPTY = new Loaded(Map.of(), RuleSet.of(List.of()), new SigmaFilters(List.of()), "");
    }

    private final RuleService rules;
    private final LogSourcesSeen logSources;
    private final Correlator correlator;
    private final AlertLevels alertLevels;
    private final Level alertLevel;
    private volatile Map<String, String> ruleAlertLevels = Map.of();
    private final SlowRuleGuard guard;
    private final SigmaParser parser = new SigmaParser();
    private final Clock clock = Clock.systemUTC();
    private volatile Loaded loaded = Loaded.EMPTY;
    private volatile String loadedFingerprint = "";

    DetectionService(RuleService rules, LogSourcesSeen logSources, Correlator correlator, AlertLevels alertLevels,
            @ConfigProperty(name = "vigil.detection.rule-timeout", defaultValue = "100ms") Duration ruleTimeout,
            @ConfigProperty(name = "vigil.detection.rule-strikes", defaultValue = "3") int strikes,
            @ConfigProperty(name = "vigil.alerts.level", defaultValue = "high") String alertLevel) {
        this.rules = rules;
        this.logSources = logSources;
        this.correlator = correlator;
        this.alertLevels = alertLevels;
        this.alertLevel = Level.of(alertLevel).orElseThrow(() -> new IllegalArgumentException(
                "vigil.alerts.level: one of " + Level.IDS + ", not '" + alertLevel + "'"));
        this.guard = new SlowRuleGuard(ruleTimeout, strikes);
    }

    /**
     * The findings of a batch's events, as documents for the store, and the matches correlations count;
     * once the batch is stored, {@link #stored} raises alerts and correlates.
     */
    public Detected detect(String source, SourceType type, List<NormalizedEvent> events) {
        Loaded current = loaded;
        if (current.rules().isEmpty()) {
            return Detected.NOTHING;
        }
        BatchFindings batch = new BatchFindings(source);
        List<CorrelationEngine.Match> correlated = new ArrayList<>();
        Set<String> matched = new LinkedHashSet<>();
        Set<EventContext> seen = new HashSet<>();
        for (NormalizedEvent event : events) {
            EventFields fields = new NormalizedEventFields(event);
            matched.clear();
            List<EventContext> contexts = EventLogSource.of(type, event).contexts();
            seen.addAll(contexts);
            long start = System.nanoTime();
            for (EventContext context : contexts) {
                current.set().forEachMatch(FieldMapping.of(context).apply(fields), context, matched::add);
            }
            if (guard.overBudget(System.nanoTime() - start)) {
                checkForSlowRules(current, fields, contexts, event.id());
            }
            if (!matched.isEmpty()) {
                Map<String, String> group = group(fields);
                for (String key : matched) {
                    // a rule that only feeds correlations (no 'generate') writes no findings of its own
                    if (standalone(key)) {
                        batch.add(key, current.rules().get(key), event.id(), event.timestamp(), group);
                    }
                    Set<String> needed = correlator.fieldsFor(key);
                    if (needed != null) {
                        correlated.add(CorrelationMatches.of(key, event, source, fields, contexts, needed));
                    }
                }
            }
        }
        logSources.saw(seen);
        var created = clock.instant();
        List<Finding> findings = batch.findings();
        return new Detected(findings.stream().map(finding -> FindingDocuments.of(finding, created)).toList(),
                findings, correlated);
    }

    /**
     * After the batch and its findings are stored: alerts for findings of rules at or above the alert
     * level, and the correlation of the matches.
     */
    public void stored(Detected detected) {
        // the batch is stored and acknowledged whatever happens here: a failure is logged, never thrown
        try {
            List<Raised> raised = new ArrayList<>();
            for (Finding finding : detected.findings()) {
                if (AlertLevels.alerts(ruleAlertLevels.get(finding.ruleId()), finding.level(), alertLevel)) {
                    raised.add(SingleAlerts.of(finding));
                }
            }
            correlator.raiseAlerts(raised);
            correlator.accept(detected.matches());
        } catch (RuntimeException e) {
            LOG.errorf(e, "alerts and correlation of a stored batch failed");
        }
    }

    private boolean standalone(String ruleId) {
        var uses = correlator.set().uses(ruleId);
        return uses.isEmpty() || uses.stream().anyMatch(u -> u.correlation().rule().generate());
    }

    /** The event's values of the fields correlations group by. */
    private static Map<String, String> group(EventFields fields) {
        Map<String, String> group = new LinkedHashMap<>();
        for (String field : GROUP_FIELDS) {
            fields.anyValue(field, value -> {
                if (value != null) {
                    group.put(field, value.toString());
                }
                return value != null;
            });
        }
        return group;
    }

    /**
     * Finds the rules that made this event slow; one that keeps being slow is disabled, off the ingest
     * thread (the change reloads the rule set), so the next events no longer wait for it.
     */
    private void checkForSlowRules(Loaded current, EventFields fields, List<EventContext> contexts, String eventId) {
        for (EventContext context : contexts) {
            for (var verdict : guard.examine(current.set(), FieldMapping.of(context).apply(fields), List.of(context),
                    eventId)) {
                ActiveRule rule = current.rules().get(verdict.key());
                LOG.warnf("detection: disabling rule %s (%s): %s", rule.id(), rule.rule().title(), verdict.reason());
                Thread.ofVirtual().name("disable-slow-rule").start(() -> {
                    try {
                        rules.disableBySystem(rule.id(), rule.version(), verdict.reason());
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "detection: could not disable slow rule %s", rule.id());
                    } finally {
                        guard.forget(verdict.key());
                    }
                });
            }
        }
    }

    /** A rule as detection would run it: with the active global filters that name it folded in. */
    public SigmaRule asRun(SigmaRule rule) {
        return loaded.filters().apply(rule).rule();
    }

    /** Whether the rule is in the rule set events are checked with now. */
    boolean active(String ruleId) {
        return loaded.rules().containsKey(ruleId);
    }

    int activeRules() {
        return loaded.rules().size();
    }

    /**
     * Reloads once the change is committed, on a thread of its own (this callback still belongs to the
     * finished transaction), and waits: the request that changed rules returns with them active.
     */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) RulesChanged change) {
        try {
            Thread.ofVirtual().name("detection-reload").start(this::reload).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Picks up changes made through another replica; cheap when nothing changed. */
    @Scheduled(every = "${vigil.detection.reload-every:30s}", delayed = "5s")
    void refresh() {
        try {
            if (!rules.fingerprint().equals(loadedFingerprint)) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.debugf("detection: rules not reloaded now (%s); the loaded %d stay active", e.getMessage(),
                    loaded.rules().size());
        }
    }

    synchronized void reload() {
        String fingerprint = rules.fingerprint();
        List<SigmaFilter> filterList = new ArrayList<>();
        StringBuilder filterVersions = new StringBuilder();
        for (var stored : rules.activeFilters()) {
            if (parser.parseOne(stored.yaml()) instanceof SigmaResult.Filter filter) {
                filterList.add(filter.filter());
                filterVersions.append(stored.id()).append('@').append(stored.version()).append(' ');
            }
        }
        SigmaFilters filters = new SigmaFilters(filterList);
        // a change of filters can change any rule: then every rule is compiled again
        Map<String, ActiveRule> previous = filterVersions.toString().equals(loaded.filterVersions())
                ? loaded.rules()
                : Map.of();
        Map<String, ActiveRule> compiled = new LinkedHashMap<>();
        List<RuleSet.Entry> entries = new ArrayList<>();
        int refused = 0;
        for (var stored : rules.activeRules()) {
            // a rule whose version did not change is not compiled again (one change, thousands of rules)
            ActiveRule same = previous.get(stored.id());
            if (same != null && same.version() == stored.version()) {
                compiled.put(same.id(), same);
                entries.add(new RuleSet.Entry(same.id(), same.rule()));
            } else if (parser.parseOne(stored.yaml()) instanceof SigmaResult.Rule rule) {
                SigmaRule asRun = filters.apply(rule.rule()).rule();
                compiled.put(stored.id(), new ActiveRule(stored.id(), stored.version(), asRun));
                entries.add(new RuleSet.Entry(stored.id(), asRun));
            } else {
                refused++;
            }
        }
        loaded = new Loaded(Map.copyOf(compiled), RuleSet.of(entries), filters, filterVersions.toString());
        Map<String, String> references = new HashMap<>();
        compiled.values().forEach(rule -> {
            references.put(rule.id(), rule.id());
            if (rule.rule().name() != null) {
                references.putIfAbsent(rule.rule().name(), rule.id());
            }
        });
        Map<String, String> levels = alertLevels.effective();
        ruleAlertLevels = Map.copyOf(levels);
        correlator.reload(rules.activeCorrelations(), references, levels);
        guard.reset();
        loadedFingerprint = fingerprint;
        LOG.infof("detection: %d rules active%s%s", compiled.size(), filterList.isEmpty()
                ? ""
                : ", " + filterList.size() + " filters", refused > 0 ? ", " + refused + " no longer compile" : "");
    }
}
