package io.vigil.access;

import java.util.Optional;

import io.vigil.event.EventSource;

/**
 * Which source an ingest token writes to. Access authenticates shippers by their token; the tokens'
 * hashes are kept with the sources they belong to, by the feature that owns sources, which answers.
 */
public interface SourceTokens {

    /** The source this token writes to, if the token is valid. */
    Optional<EventSource> sourceOf(String token);
}
