package io.vigil.incident;

import java.time.Instant;

import io.vigil.access.VigilUser;

/** Writes timeline entries; every change of an incident goes through here. */
final class Timeline {

    private Timeline() {
    }

    /** Records a change of the incident by the user, at the incident's current version. */
    static IncidentChange record(Incident incident, VigilUser user, Instant at, String kind, String from,
            String to) {
        return about(incident, user, at, kind, from, to, null);
    }

    /** Records that evidence from these data sources (comma-separated; null for none) was added. */
    static IncidentChange about(Incident incident, VigilUser user, Instant at, String kind, String from, String to,
            String sources) {
        IncidentChange change = new IncidentChange();
        change.incidentId = incident.id;
        change.at = at;
        change.actor = user.username();
        change.kind = kind;
        change.fromValue = from;
        change.toValue = to;
        change.sources = sources;
        change.version = incident.version;
        change.persist();
        return change;
    }
}
