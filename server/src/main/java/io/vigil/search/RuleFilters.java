package io.vigil.search;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The events a saved detection rule matches, as a query filter: what {@code vigil.rule:"<id>"} at the
 * start of a search means (a backtest's matches, opened in search). Detection answers it (the same query
 * its backtests run); search only asks, so it stays below detection.
 */
public interface RuleFilters {

    /** @throws SearchProblem when no saved rule has the id, or the rule has no exact query */
    ObjectNode filter(String ruleId);
}
