package io.vigil.search;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A histogram as the pages' chart script reads it: bar starts (epoch ms), counts, range and bar width
 * (the search page's, and the posture figures').
 */
public final class HistogramJson {

    private HistogramJson() {
    }

    static String of(SearchResults results, TimeRange range) {
        return of(range.from(), range.to(), results.interval().length(), results.histogram().stream()
                .map(bar -> new long[]{bar.start().toEpochMilli(), bar.count()}).toList());
    }

    /** Bars of {@code interval} over [from, to), each {start epoch ms, count}. */
    public static String of(java.time.Instant from, java.time.Instant to, java.time.Duration interval,
            java.util.List<long[]> bars) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("from", from.toEpochMilli()).put("to", to.toEpochMilli()).put("interval", interval.toMillis());
        var array = json.putArray("bars");
        bars.forEach(bar -> array.addArray().add(bar[0]).add(bar[1]));
        // inside a <script type="application/json">: with no "<" at all, neither "</script" nor "<!--" can
        // change where the element ends
        return json.toString().replace("<", "\\u003c");
    }
}
