package io.vigil.search;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The histogram as the page's chart script reads it: bar starts (epoch ms), counts, range and bar width. */
final class HistogramJson {

    private HistogramJson() {
    }

    static String of(SearchResults results, TimeRange range) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("from", range.from().toEpochMilli()).put("to", range.to().toEpochMilli())
                .put("interval", results.interval().length().toMillis());
        var bars = json.putArray("bars");
        results.histogram().forEach(bar -> bars.addArray().add(bar.start().toEpochMilli()).add(bar.count()));
        // inside a <script type="application/json">: with no "<" at all, neither "</script" nor "<!--" can
        // change where the element ends
        return json.toString().replace("<", "\\u003c");
    }
}
