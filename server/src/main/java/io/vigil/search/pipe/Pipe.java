package io.vigil.search.pipe;

import java.time.Duration;
import java.util.List;

/** One parsed aggregation pipe: what the search bar asks to count, after the Lucene query. */
public sealed interface Pipe {

    /** The fields the pipe reads (metrics' fields, then group-by fields), without repeats. */
    default List<String> fields() {
        java.util.Set<String> fields = new java.util.LinkedHashSet<>();
        switch (this) {
            case Stats stats -> {
                stats.metrics().stream().map(Metric::field).filter(java.util.Objects::nonNull).forEach(fields::add);
                fields.addAll(stats.by());
            }
            case Top top -> fields.add(top.field());
            case Rare rare -> fields.add(rare.field());
            case Timechart chart -> {
                if (chart.metric().field() != null) {
                    fields.add(chart.metric().field());
                }
                if (chart.by() != null) {
                    fields.add(chart.by());
                }
            }
        }
        return List.copyOf(fields);
    }

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
