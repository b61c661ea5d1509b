package io.vigil.detect;

import java.util.List;
import java.util.function.Predicate;

import io.vigil.detect.match.EventFields;

/**
 * An event's fields looked up through a {@link FieldMapping}: a field is present when any of its
 * candidates is, and a value passes when any candidate's does. So Sigma's {@code null} and
 * {@code exists: false}, answered by {@link #has}, see {@code Image} as present when the event holds it
 * under {@code winlog.event_data}. Keyword search spans the whole event and needs no mapping.
 */
final class MappedEventFields implements EventFields {

    private final EventFields fields;
    private final FieldMapping mapping;

    MappedEventFields(EventFields fields, FieldMapping mapping) {
        this.fields = fields;
        this.mapping = mapping;
    }

    @Override
    public boolean has(String field) {
        List<String> candidates = mapping.candidates(field);
        // indexed loops: the candidate lists are immutable lists, and a lookup should allocate nothing
        for (int i = 0; i < candidates.size(); i++) {
            if (fields.has(candidates.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean anyValue(String field, Predicate<Object> test) {
        List<String> candidates = mapping.candidates(field);
        for (int i = 0; i < candidates.size(); i++) {
            if (fields.anyValue(candidates.get(i), test)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean anyString(Predicate<String> test) {
        return fields.anyString(test);
    }
}
