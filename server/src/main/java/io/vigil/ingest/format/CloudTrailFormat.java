package io.vigil.ingest.format;

import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.event.EventSource;
import io.vigil.event.SourceType;
import io.vigil.ingest.normalize.CloudTrailNormalizer;
import io.vigil.ingest.normalize.EventNormalizer;
import io.vigil.ingest.parse.Payload;
import io.vigil.ingest.parse.PayloadReader;

/** AWS CloudTrail: a {@code {"Records":[...]}} file, an array, or one record per line. */
@ApplicationScoped
class CloudTrailFormat implements SourceFormat {

    @Override
    public SourceType type() {
        return SourceType.CLOUDTRAIL;
    }

    @Override
    public Batch read(EventSource source, Payload payload, PayloadReader reader) {
        return new Batch(CloudTrailFiles.records(reader.json(payload)), normalizer(source));
    }

    @Override
    public EventNormalizer normalizer(EventSource source) {
        return new CloudTrailNormalizer();
    }
}
