package io.vigil.ingest.format;

import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.event.EventSource;
import io.vigil.event.SourceType;
import io.vigil.ingest.normalize.EventNormalizer;
import io.vigil.ingest.normalize.JsonNormalizer;
import io.vigil.ingest.parse.Payload;
import io.vigil.ingest.parse.PayloadReader;

/** Any JSON object per event: one object, an array, or one per line. */
@ApplicationScoped
class JsonFormat implements SourceFormat {

    @Override
    public SourceType type() {
        return SourceType.JSON;
    }

    @Override
    public Batch read(EventSource source, Payload payload, PayloadReader reader) {
        return new Batch(reader.json(payload), normalizer(source));
    }

    @Override
    public EventNormalizer normalizer(EventSource source) {
        return new JsonNormalizer();
    }
}
