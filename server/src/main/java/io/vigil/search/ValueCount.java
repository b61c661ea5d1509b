package io.vigil.search;

/** A value and how many events hold it. */
public record ValueCount(String value, long count) {

    /** The value as shown: an empty one would be an invisible link. */
    public String label() {
        return label(value);
    }

    static String label(String value) {
        return value.isEmpty() ? "(empty)" : value;
    }
}
