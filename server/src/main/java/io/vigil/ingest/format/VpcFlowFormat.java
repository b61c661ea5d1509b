package io.vigil.ingest.format;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.event.EventSource;
import io.vigil.event.SourceType;
import io.vigil.ingest.normalize.EventNormalizer;
import io.vigil.ingest.normalize.VpcFlowNormalizer;
import io.vigil.ingest.parse.Item;
import io.vigil.ingest.parse.Payload;
import io.vigil.ingest.parse.PayloadReader;

/** AWS VPC Flow Logs: space-separated records, default (v2) or a custom format named by a header line. */
@ApplicationScoped
class VpcFlowFormat implements SourceFormat {

    @Override
    public SourceType type() {
        return SourceType.VPCFLOW;
    }

    /** A flow log file may start with a header naming its fields (custom formats); it is not an event. */
    @Override
    public Batch read(EventSource source, Payload payload, PayloadReader reader) {
        List<Item> lines = reader.text(payload);
        Optional<List<String>> header = lines.isEmpty() ? Optional.empty() : VpcFlowNormalizer.header(lines.get(0));
        return header.map(fields -> new Batch(lines.subList(1, lines.size()), new VpcFlowNormalizer(fields)))
                .orElseGet(() -> new Batch(lines, normalizer(source)));
    }

    @Override
    public EventNormalizer normalizer(EventSource source) {
        return new VpcFlowNormalizer(VpcFlowNormalizer.DEFAULT_FIELDS);
    }
}
