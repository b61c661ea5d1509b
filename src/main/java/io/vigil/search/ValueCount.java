package io.vigil.search;

/** A value and how many events hold it. */
public record ValueCount(String value, long count) {
}
