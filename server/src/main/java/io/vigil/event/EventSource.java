package io.vigil.event;

/**
 * A source of events as intake and detection know it: its name (which names its indices), the type
 * that says how its input is read, and the data scope it belongs to.
 */
public record EventSource(String name, SourceType type, String scope) {
}
