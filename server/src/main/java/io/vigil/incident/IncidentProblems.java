package io.vigil.incident;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vigil.web.JsonProblems;

/**
 * Answers every refused incident request, API and pages alike: the API's JSON problem (with the changes
 * since, for a stale version), or for a page a 422 that htmx shows in place, a missing incident included.
 */
public class IncidentProblems {

    @ServerExceptionMapper
    Response refused(IncidentProblem problem, UriInfo uri) {
        if (!uri.getPath().startsWith("/api/")) {
            return PageAnswers.text(422, problem.getMessage());
        }
        if (problem.changes().isEmpty()) {
            return JsonProblems.of(problem.status(), problem.getMessage());
        }
        return Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("status",
                problem.status(), "detail", problem.getMessage(), "changes", problem.changes())).build();
    }
}
