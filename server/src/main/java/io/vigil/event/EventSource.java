package io.vigil.event;

/**
 * A source of events as intake and detection know it: its name (which names its indices), the type
 * that says how its input is read, the data scope it belongs to, and whether detection rules run on
 * its events, and how many days its events are kept.
 */
public record EventSource(String name, SourceType type, String scope, boolean detection, int retentionDays) {

    /** A source with detection on and the default retention (tests, tools). */
    public EventSource(String name, SourceType type, String scope) {
        this(name, type, scope, true, 90);
    }
}
