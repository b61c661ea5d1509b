package io.vigil.search.pipe;

import java.util.Locale;

/** A function over the events of a group, such as {@code dc(user.name)}; {@code field} is null for count. */
public record Metric(Fn fn, String field) {

    /** The functions a pipe may use. */
    public enum Fn {

        COUNT,
        DC,
        SUM,
        AVG,
        MIN,
        MAX;

        /** How the user writes it: {@code dc}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Metric count() {
        return new Metric(Fn.COUNT, null);
    }

    /** The column heading, as the user would write the metric: {@code count()}, {@code dc(user.name)}. */
    public String label() {
        return fn.text() + "(" + (field == null ? "" : field) + ")";
    }
}
