package io.vigil.detect.backtest;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.detect.query.QueryTranslationException;
import io.vigil.detect.rules.RuleCatalog;
import io.vigil.detect.rules.RuleCheck;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.search.RuleFilters;
import io.vigil.search.SearchProblem;

/**
 * {@code vigil.rule:"<id>"} in a search: the saved rule's current version as the query its backtests
 * run, so a backtest's matches open in search and count the same there.
 */
@ApplicationScoped
public class SavedRuleFilters implements RuleFilters {

    private final RuleCatalog catalog;
    private final RuleQueries queries;

    SavedRuleFilters(RuleCatalog catalog, RuleQueries queries) {
        this.catalog = catalog;
        this.queries = queries;
    }

    @Override
    public ObjectNode filter(String ruleId) {
        var saved = catalog.find(ruleId).orElseThrow(() -> new SearchProblem("vigil.rule: no saved rule has the id \""
                + ruleId + "\" (save the rule first; the search runs its saved version)", 0));
        SigmaRule rule = RuleCheck.single(saved.yaml());
        if (rule == null) {
            throw new SearchProblem("vigil.rule: \"" + saved.title() + "\" is not a detection rule that compiles"
                    + " (filters and correlations have no events of their own)", 0);
        }
        try {
            return queries.of(rule);
        } catch (QueryTranslationException e) {
            throw new SearchProblem("vigil.rule: \"" + saved.title() + "\" cannot run as a search: "
                    + e.getMessage(), 0);
        }
    }
}
