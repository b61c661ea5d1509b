package io.vigil.ingest.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.Ecs;
import io.vigil.event.NormalizedEvent;
import io.vigil.ingest.parse.Item;

/** Turns one parsed item of a source type into an event with ECS fields. */
public sealed interface EventNormalizer
        permits CloudTrailNormalizer, JsonNormalizer, SyslogLineNormalizer, VpcFlowNormalizer {

    NormalizedEvent normalize(Item item, IngestContext context) throws NormalizationException;

    /** Fields every event carries, whatever its source. */
    static void stamp(ObjectNode document, String id, String raw, IngestContext context) {
        Documents.put(document, Ecs.EVENT_ID, id);
        Documents.put(document, Ecs.EVENT_INGESTED, context.ingested().toString());
        Documents.put(document, Ecs.EVENT_ORIGINAL, raw);
        Documents.put(document, Ecs.VIGIL_SOURCE, context.source());
        Documents.put(document, Ecs.VIGIL_SOURCE_TYPE, context.type().id());
    }
}
