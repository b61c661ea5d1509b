package io.vigil.detect.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification about something other than an alert: an incident assigned, alerts escalated into one, an SLA
 * target breached.
 *
 * @param level the level it is routed by (an incident's severity)
 * @param link the console path it points to ({@code /incidents/7})
 */
public record Notice(UUID id, String kind, String level, String title, String detail, String link, Instant created) {
}
