package io.vigil.ingest.normalize;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event ready for the store: a stable id (the same input always gets the same id, so ingesting
 * it twice stores it once), its time, and the document with ECS and native fields.
 */
public record NormalizedEvent(String id, Instant timestamp, String source, ObjectNode document) {
}
