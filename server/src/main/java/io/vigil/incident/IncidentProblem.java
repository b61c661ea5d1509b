package io.vigil.incident;

import java.util.List;

/**
 * A request the incident workflow refuses, with the HTTP status that says why: 400 bad input, 403 not
 * allowed, 404 not found (or not visible), 409 an illegal move or a stale version, 413 too large, 415 a
 * content type that is not what it claims. Nothing of the request has been saved when it is thrown.
 *
 * @param changes for a stale version, what changed since the version the caller had
 */
public class IncidentProblem extends RuntimeException {

    private final int status;
    private final transient List<IncidentView.Change> changes;

    IncidentProblem(int status, String detail, List<IncidentView.Change> changes) {
        super(detail);
        this.status = status;
        this.changes = List.copyOf(changes);
    }

    static IncidentProblem invalid(String detail) {
        return new IncidentProblem(400, detail, List.of());
    }

    static IncidentProblem notFound(long id) {
        return new IncidentProblem(404, "no incident " + id, List.of());
    }

    static IncidentProblem conflict(String detail) {
        return new IncidentProblem(409, detail, List.of());
    }

    static IncidentProblem stale(String detail, List<IncidentView.Change> changes) {
        return new IncidentProblem(409, detail, changes);
    }

    public int status() {
        return status;
    }

    public List<IncidentView.Change> changes() {
        return changes;
    }
}
