package io.vigil.detect.rules;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.detect.match.EventContext;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.ops.SetupState;
import io.vigil.store.DatabaseMigrator;

/**
 * A rule's logsource, tags and Sigma {@code name} as columns of its row, for the rules list's filters,
 * its "no data" badge and correlations that refer to rules by name. Saving a rule fills them; rules stored before the columns existed are filled here, a batch at a
 * time, once the database is set up.
 */
@ApplicationScoped
public class RuleFacts {

    /** The facts' version: rows below it are filled again from their YAML. */
    static final int CURRENT = 2;
    private static final int BATCH = 500;
    private static final SigmaParser PARSER = new SigmaParser();
    private static final Logger LOG = Logger.getLogger(RuleFacts.class);

    private final DatabaseMigrator migrator;
    private volatile boolean done;

    RuleFacts(DatabaseMigrator migrator) {
        this.migrator = migrator;
    }

    /** Sets the row's facts from what the parser read (a null logsource: the rule states none). */
    static void fill(DetectionRule rule, String name, SigmaRule.LogSource logsource, List<String> tags) {
        rule.name = name == null || name.isBlank() ? null : name;
        rule.logsourceProduct = logsource == null ? null : EventContext.normal(logsource.product());
        rule.logsourceService = logsource == null ? null : EventContext.normal(logsource.service());
        rule.logsourceCategory = logsource == null ? null : EventContext.normal(logsource.category());
        StringBuilder joined = new StringBuilder(",");
        tags.forEach(tag -> joined.append(tag.trim().toLowerCase(Locale.ROOT)).append(','));
        rule.tags = joined.length() == 1 ? "" : joined.toString();
        rule.facts = CURRENT;
    }

    @Scheduled(every = "${vigil.database.setup-retry:5s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fillOlderRows() {
        if (done || !(migrator.setup().state() instanceof SetupState.Done)) {
            return;
        }
        try {
            done = fillBatch() < BATCH;
        } catch (RuntimeException e) {
            LOG.debugf("Rule facts not filled yet: %s", e.getMessage());
        }
    }

    @Transactional
    int fillBatch() {
        List<DetectionRule> rules = DetectionRule.<DetectionRule>find("facts < ?1", CURRENT).page(0, BATCH).list();
        for (DetectionRule rule : rules) {
            List<SigmaResult> parsed = PARSER.parse(rule.yaml);
            switch (parsed.isEmpty() ? null : parsed.get(0)) {
                case SigmaResult.Rule r -> fill(rule, r.rule().name(), r.rule().logsource(), r.rule().tags());
                case SigmaResult.Filter f -> fill(rule, null, f.filter().logsource(), List.of());
                case SigmaResult.Correlation c -> fill(rule, c.correlation().name(), null, c.correlation().tags());
                case null, default -> fill(rule, null, null, List.of());
            }
        }
        return rules.size();
    }
}
