package io.vigil.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.detect.correlate.CorrelationEngine.Match;
import io.vigil.detect.match.EventContext;
import io.vigil.detect.match.EventFields;
import io.vigil.event.NormalizedEvent;

/**
 * A rule's match as correlations take it: the event's id, time and source and only the fields the
 * correlations read (group-by, aliases, condition fields), looked up as the rule sees them (through its
 * logsource's field mapping), else as stored. Values are copied, so a match can wait for PostgreSQL.
 */
final class CorrelationMatches {

    private CorrelationMatches() {
    }

    static Match of(String ruleId, NormalizedEvent event, String source, EventFields fields,
            List<EventContext> contexts, Set<String> needed) {
        Map<String, String> values = new HashMap<>();
        for (String field : needed) {
            String value = null;
            for (EventContext context : contexts) {
                value = first(FieldMapping.of(context).apply(fields), field);
                if (value != null) {
                    break;
                }
            }
            if (value == null) {
                value = first(fields, field);
            }
            if (value != null) {
                values.put(field, value);
            }
        }
        return new Match(ruleId, event.id(), event.timestamp().toEpochMilli(), source, Map.copyOf(values)::get);
    }

    /** The field's first non-null value as text, or null. */
    private static String first(EventFields fields, String field) {
        String[] found = new String[1];
        fields.anyValue(field, v -> {
            if (v == null) {
                return false;
            }
            found[0] = v.toString();
            return true;
        });
        return found[0];
    }
}
