package io.vigil.event;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event ready for the store: a stable id (the same input always gets the same id, so ingesting
 * it twice stores it once), its time, and its fields.
 *
 * <p>
 * Usually {@code document} holds every field. For sources whose records are kept as they came
 * (CloudTrail), {@code document} holds only the fields Vigil adds, {@code nativeRecord} the parsed
 * record and {@code nativeJson} its compact text, which the indexer copies into the stored document
 * instead of serializing the record again; the stored document is both, merged.
 */
public record NormalizedEvent(String id, Instant timestamp, String source, ObjectNode document,
        ObjectNode nativeRecord, String nativeJson) {

    public NormalizedEvent(String id, Instant timestamp, String source, ObjectNode document) {
        this(id, timestamp, source, document, null, null);
    }

    /** Every field in one tree, as stored (a copy when the record is kept apart). */
    public ObjectNode merged() {
        if (nativeRecord == null) {
            return document;
        }
        ObjectNode whole = nativeRecord.deepCopy();
        whole.setAll(document);
        return whole;
    }
}
