package io.vigil.detect.correlate;

/**
 * One thing a correlation counts: an event a correlated rule matched, or a window a chained correlation
 * fired. Inputs of one correlation rule and group are all it needs to decide its windows.
 *
 * @param id the event's id (or the chained window's id): the same input sent twice counts once
 * @param time event time, epoch milliseconds
 * @param rule which of the correlation's rules it came from (index into {@code rules})
 * @param value the aggregated field's value ({@code condition.field}; several fields joined), or null
 * @param source the event's source (a chained window's sources, joined by commas)
 */
public record CorrelationInput(String id, long time, int rule, String value, String source) {
}
