package io.vigil.detect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One rule match on one event. Its id is derived from rule and event, so ingesting the event again
 * does not create a second finding.
 */
public record Finding(String id, String ruleId, String ruleTitle, String level, int ruleVersion, List<String> tags,
        String eventId, String eventIndex, Instant eventTime, String source, Map<String, String> group) {

    /** Sigma's levels, most severe first: the order pages list and sort them in. */
    public static final List<String> LEVELS = List.of("critical", "high", "medium", "low", "informational");

}
