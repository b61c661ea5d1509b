package io.vigil.detect.sigma;

import java.util.List;

/**
 * A Sigma global filter: events of the named rules ({@code rules}, by id or name) that also match
 * {@code detection} are suppressed.
 */
public record SigmaFilter(String id, String title, String description, SigmaRule.LogSource logsource,
        List<String> rules, Detection detection, String yaml) {

    public SigmaFilter {
        rules = List.copyOf(rules);
    }
}
