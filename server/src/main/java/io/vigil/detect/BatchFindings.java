package io.vigil.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.detect.DetectionService.ActiveRule;
import io.vigil.event.ContentIds;
import io.vigil.event.Level;
import io.vigil.index.EventIndices;

/**
 * The matches of one ingest batch, gathered into findings: one per rule, day and group-by values, each
 * listing at most {@link Finding#MAX_EVENTS} events in the order they came.
 */
final class BatchFindings {

    /**
     * What makes two matches one finding: rule, UTC day (epoch day: a finding names one daily events
     * index, {@code event.index}) and group.
     */
    private record Key(String ruleKey, long day, Map<String, String> group) {
    }

    /**
     * A finding's events so far: id to time, in the order they came; an event sent twice in one batch
     * (stored once) is listed once.
     */
    private record Matches(ActiveRule rule, LinkedHashMap<String, Instant> events) {
    }

    private final String source;
    private final Map<Key, Matches> open = new LinkedHashMap<>();
    private final List<Finding> full = new ArrayList<>();

    BatchFindings(String source) {
        this.source = source;
    }

    void add(String ruleKey, ActiveRule rule, String eventId, Instant eventTime, Map<String, String> group) {
        // the events index name is formatted once per finding, not once per match
        Key key = new Key(ruleKey, Math.floorDiv(eventTime.getEpochSecond(), 86_400L), group);
        Matches matches = open.computeIfAbsent(key, k -> new Matches(rule, new LinkedHashMap<>()));
        if (matches.events().putIfAbsent(eventId, eventTime) != null) {
            return;
        }
        if (matches.events().size() == Finding.MAX_EVENTS) {
            full.add(finding(key, open.remove(key)));
        }
    }

    List<Finding> findings() {
        List<Finding> all = new ArrayList<>(full);
        open.forEach((key, matches) -> all.add(finding(key, matches)));
        return all;
    }

    private Finding finding(Key key, Matches matches) {
        ActiveRule rule = matches.rule();
        List<String> ids = List.copyOf(matches.events().keySet());
        List<Instant> times = List.copyOf(matches.events().values());
        String eventIndex = EventIndices.events(source, times.getFirst());
        return new Finding(findingId(rule.id(), eventIndex, ids), rule.id(), rule.rule().title(),
                Level.of(rule.rule().level()).orElse(null),
                rule.version(), rule.rule().tags(), ids, times, eventIndex, source, key.group());
    }

    /**
     * The same rule on the same events of one events index is one finding, however often they are
     * ingested together. The index names the source: the same record sent to two sources (a replay, a
     * second account's trail) has the same event id in both, and each source keeps its own finding.
     */
    static String findingId(String ruleId, String eventIndex, List<String> eventIds) {
        return ContentIds.of(ruleId + "\n" + eventIndex, String.join("\n", eventIds));
    }
}
