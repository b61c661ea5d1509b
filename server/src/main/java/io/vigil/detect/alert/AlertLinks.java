package io.vigil.detect.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.vigil.search.HistogramJson;
import io.vigil.search.LuceneText;
import io.vigil.search.SearchForm;

/**
 * What an alert's page links to and draws: its events in search (by id, exactly those), each group value
 * as a pivot (every event with that value around the alert's time), and the timeline of its events.
 */
public final class AlertLinks {

    /** The most events one search link names; a longer query makes a URL too long to share. */
    static final int MAX_LINKED = 100;

    private final AlertView.Detail detail;

    AlertLinks(AlertView.Detail detail) {
        this.detail = detail;
    }

    /** The alert's events in search (the first {@value #MAX_LINKED} when it has more). */
    public String events() {
        var events = detail.events();
        if (events.isEmpty()) {
            return null;
        }
        String query = events.stream().limit(MAX_LINKED).map(e -> LuceneText.term("event.id", e.id()))
                .collect(Collectors.joining(" OR "));
        return search(query, Duration.ofMinutes(1));
    }

    public boolean eventsCut() {
        return detail.events().size() > MAX_LINKED;
    }

    /** Group field to a search for every event with the value around the alert (an hour either side). */
    public Map<String, String> pivots() {
        Map<String, String> pivots = new LinkedHashMap<>();
        detail.alert().group().forEach((field, value) -> pivots.put(field, search(LuceneText.term(field, value),
                Duration.ofHours(1))));
        return pivots;
    }

    private String search(String query, Duration margin) {
        return SearchForm.of(query, detail.alert().first().minus(margin).toString(),
                detail.alert().last().plus(margin).toString(), null).url();
    }

    /** The events over the alert's span in up to 60 bars, as the shared chart JSON. */
    public String timeline() {
        Instant from = detail.alert().first().minusSeconds(1);
        Instant to = detail.alert().last().plusSeconds(1);
        long span = Math.max(1_000, Duration.between(from, to).toMillis());
        long step = Math.max(1_000, (span + 59) / 60);
        List<long[]> bars = new ArrayList<>();
        for (long start = from.toEpochMilli(); start < to.toEpochMilli(); start += step) {
            bars.add(new long[]{start, 0});
        }
        for (var event : detail.events()) {
            int i = (int) ((event.time().toEpochMilli() - from.toEpochMilli()) / step);
            if (i >= 0 && i < bars.size()) {
                bars.get(i)[1]++;
            }
        }
        return HistogramJson.of(from, to, Duration.ofMillis(step), bars);
    }
}
