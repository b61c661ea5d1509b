package io.vigil.web;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON error bodies the API answers with, in one shape: {@code status} and {@code detail}. */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** A refusal with its status and what is wrong. */
    public static Response of(int status, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", status, "detail", detail)).build();
    }

    /** OpenSearch cannot take or give events now: 503, to be tried again in 30 seconds. */
    public static Response storeUnavailable(String detail) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", 503, "error", "Event store unavailable", "detail", detail)).build();
    }
}
