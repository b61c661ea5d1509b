package io.vigil.detect;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.event.Level;

/**
 * One rule's matches in one ingest batch on events that share the group-by values and the day: every
 * matched event is listed with its time. A rule that matches most traffic (SigmaHQ's "AWS STS AssumeRole
 * Misuse" matches every call made under a role) thus writes a few findings per batch rather than one per
 * event, and it is the number of documents that costs OpenSearch, far more than their size (ADR 0010).
 * Its id is derived from the rule, the events index (so the source) and the events, so ingesting the same
 * batch again (a replayed spool, a re-delivered object) does not create a second finding, while the same
 * record in another source makes that source's own finding.
 */
public record Finding(String id, String ruleId, String ruleTitle, Level level, int ruleVersion, List<String> tags,
        List<String> eventIds, List<Instant> eventTimes, String eventIndex, String source, Map<String, String> group) {

    /** The most events one finding lists; more in one batch make further findings. */
    public static final int MAX_EVENTS = 1_000;

    public Finding {
        if (eventIds.isEmpty() || eventIds.size() != eventTimes.size()) {
            throw new IllegalArgumentException("a finding lists at least one event, each with its time");
        }
        tags = List.copyOf(tags);
        eventIds = List.copyOf(eventIds);
        eventTimes = List.copyOf(eventTimes);
        group = Collections.unmodifiableMap(new LinkedHashMap<>(group));
    }

    Instant first() {
        return eventTimes.stream().min(Instant::compareTo).orElseThrow();
    }

    Instant last() {
        return eventTimes.stream().max(Instant::compareTo).orElseThrow();
    }
}
