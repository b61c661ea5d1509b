package io.vigil.detect;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.vigil.detect.match.EventContext;
import io.vigil.detect.match.EventFields;

/**
 * Where a Sigma field name is found in a stored event, per logsource. SigmaHQ's Windows rules name the
 * fields of the event XML ({@code EventID}, {@code Image}); a Windows event is stored with those values
 * under {@code winlog.*} (see {@code WindowsEventLogFields}), so each name is looked up there, and last
 * under its own name, for events a shipper sent already flat. Other logsources are stored under the
 * names their rules use (CloudTrail's own, the Linux fields), so a name is only itself there.
 *
 * <p>
 * A name's candidates are worked out once and kept: they are asked for on every event for every rule.
 */
public final class FieldMapping {

    /** Header fields with a {@code winlog.*} home of their own. */
    private static final Map<String, String> WINDOWS_SYSTEM = Map.of(
            "EventID", "winlog.event_id",
            "Channel", "winlog.channel",
            "Computer", "winlog.computer_name",
            "Provider_Name", "winlog.provider_name",
            "EventRecordID", "winlog.record_id");

    /**
     * Header fields rules test with their raw value ({@code Keywords: '0x8010000000000000'},
     * {@code Level: 4}); Winlogbeat's {@code winlog.keywords} and {@code log.level} hold rendered names
     * instead, so these are read from the record as it came.
     */
    private static final List<String> WINDOWS_RAW_SYSTEM = List.of("Level", "Task", "Opcode", "Keywords", "Version");

    /** Enough for every field name of a large rule set; names beyond it are worked out each time. */
    private static final int CACHE_LIMIT = 10_000;

    private static final FieldMapping IDENTITY = new FieldMapping(List::of);
    private static final FieldMapping WINDOWS = new FieldMapping(FieldMapping::windows);

    private final Function<String, List<String>> mapping;
    private final ConcurrentHashMap<String, List<String>> cache = new ConcurrentHashMap<>();

    private FieldMapping(Function<String, List<String>> mapping) {
        this.mapping = mapping;
    }

    /** The mapping of the events of a logsource. */
    public static FieldMapping of(EventContext context) {
        return "windows".equals(context.product()) ? WINDOWS : IDENTITY;
    }

    /** The places to look for a Sigma field in an event of the context, in order; its own name is last. */
    public static List<String> candidates(EventContext context, String sigmaField) {
        return of(context).candidates(sigmaField);
    }

    public List<String> candidates(String sigmaField) {
        if (this == IDENTITY) {
            return List.of(sigmaField);
        }
        List<String> known = cache.get(sigmaField);
        if (known == null) {
            known = mapping.apply(sigmaField);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(sigmaField, known);
            }
        }
        return known;
    }

    /** An event's fields as the rules of the context name them; the fields themselves where nothing maps. */
    public EventFields apply(EventFields fields) {
        return this == IDENTITY ? fields : new MappedEventFields(fields, this);
    }

    private static List<String> windows(String field) {
        String system = WINDOWS_SYSTEM.get(field);
        if (system != null) {
            return List.of(system, field);
        }
        String eventData = "winlog.event_data." + field;
        String userData = "winlog.user_data." + field;
        return WINDOWS_RAW_SYSTEM.contains(field)
                ? List.of(eventData, userData, "Event.System." + field, "System." + field, field)
                : List.of(eventData, userData, field);
    }
}
