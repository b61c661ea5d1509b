package io.vigil.detect;

import java.util.function.Predicate;

import io.vigil.detect.match.EventFields;
import io.vigil.detect.match.JsonEventFields;
import io.vigil.event.NormalizedEvent;

/**
 * An ingested event's fields for matching without merging its parts: the fields Vigil added first,
 * then the record as it came (CloudTrail keeps the two apart until they are written).
 */
final class NormalizedEventFields implements EventFields {

    private final EventFields added;
    private final EventFields original;

    NormalizedEventFields(NormalizedEvent event) {
        this.added = new JsonEventFields(event.document());
        this.original = event.nativeRecord() == null ? null : new JsonEventFields(event.nativeRecord());
    }

    @Override
    public boolean has(String field) {
        return added.has(field) || original != null && original.has(field);
    }

    @Override
    public boolean anyValue(String field, Predicate<Object> test) {
        return added.anyValue(field, test) || original != null && original.anyValue(field, test);
    }

    @Override
    public boolean anyString(Predicate<String> test) {
        return added.anyString(test) || original != null && original.anyString(test);
    }
}
