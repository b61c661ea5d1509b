package io.vigil.event;

/**
 * A source of events as intake and detection know it: its name (which names its indices), the type
 * that says how its input is read, the data scope it belongs to, and whether detection rules run on
 * its events.
 */
public record EventSource(String name, SourceType type, String scope, boolean detection) {
}
