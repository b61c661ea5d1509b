package io.vigil.ingest.format;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.vigil.event.SourceType;

/** The formats by source type: every {@link SourceType} has exactly one, or the server does not start. */
@ApplicationScoped
public class SourceFormats {

    private final Map<SourceType, SourceFormat> byType = new EnumMap<>(SourceType.class);

    @Inject
    SourceFormats(Instance<SourceFormat> formats) {
        this((Iterable<SourceFormat>) formats);
    }

    SourceFormats(Iterable<SourceFormat> formats) {
        for (SourceFormat format : formats) {
            SourceFormat earlier = byType.put(format.type(), format);
            if (earlier != null) {
                throw new IllegalStateException("two formats read source type " + format.type().id() + ": "
                        + earlier.getClass().getName() + " and " + format.getClass().getName());
            }
        }
        for (SourceType type : SourceType.values()) {
            if (!byType.containsKey(type)) {
                throw new IllegalStateException("no SourceFormat reads source type " + type.id());
            }
        }
    }

    public SourceFormat of(SourceType type) {
        return byType.get(type);
    }
}
