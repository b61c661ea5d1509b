package io.vigil.search.pipe;

import java.time.Duration;
import java.util.List;

/** One parsed aggregation pipe: what the search bar asks to count, after the Lucene query. */
public sealed interface Pipe {

    /** {@code stats count(), dc(user.name) by source.ip}: metrics overall or per group of up to 3 fields. */
    record Stats(List<Metric> metrics, List<String> by) implements Pipe {

        public Stats {
            metrics = List.copyOf(metrics);
            by = List.copyOf(by);
        }
    }

    /** {@code top 10 source.ip}: the commonest values of a field. */
    record Top(int n, String field) implements Pipe {
    }

    /** {@code rare 10 user.agent}: the least common values of a field. */
    record Rare(int n, String field) implements Pipe {
    }

    /**
     * {@code timechart span=5m count() by event.action}: one metric per time bucket, optionally one
     * series per value of {@code by} (null when there is no by-field).
     */
    record Timechart(Duration span, String spanText, Metric metric, String by) implements Pipe {
    }
}
