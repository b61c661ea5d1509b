package io.vigil.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sigma's Windows categories ({@code process_creation}, {@code registry_set}, …) by the channel and
 * event id that carry them, as Sigma's Windows and Sysmon mappings define them: a Windows event belongs
 * to the categories whose service and id it has. SigmaHQ writes most Windows rules for a category, not
 * a channel, so without this they would never see an event. One table serves both directions: an
 * event's categories at ingest, and the stored events of a category for backtests.
 */
public final class WindowsCategories {

    /** Events of {@code service} with one of {@code ids} (and, when given, one of the EventData types). */
    public record Entry(String category, String service, Set<Long> ids, Set<String> eventTypes) {
    }

    private static final String SYSMON = "sysmon";
    static final List<Entry> TABLE = List.of(
            sysmon("process_creation", 1), new Entry("process_creation", "security", Set.of(4688L), Set.of()),
            sysmon("file_change", 2), sysmon("network_connection", 3), sysmon("sysmon_status", 4, 16),
            sysmon("process_termination", 5), sysmon("driver_load", 6), sysmon("image_load", 7),
            sysmon("create_remote_thread", 8), sysmon("raw_access_thread", 9), sysmon("process_access", 10),
            sysmon("file_event", 11), sysmon("registry_event", 12, 13, 14),
            new Entry("registry_add", SYSMON, Set.of(12L), Set.of("CreateKey")),
            new Entry("registry_delete", SYSMON, Set.of(12L), Set.of("DeleteKey", "DeleteValue")),
            sysmon("registry_set", 13), sysmon("registry_rename", 14), sysmon("create_stream_hash", 15),
            sysmon("pipe_created", 17, 18), sysmon("wmi_event", 19, 20, 21), sysmon("dns_query", 22),
            sysmon("file_delete", 23, 26), sysmon("clipboard_capture", 24), sysmon("process_tampering", 25),
            sysmon("file_block_executable", 27), sysmon("file_block_shredding", 28),
            sysmon("file_executable_detected", 29), sysmon("sysmon_error", 255),
            new Entry("ps_module", "powershell", Set.of(4103L), Set.of()),
            new Entry("ps_script", "powershell", Set.of(4104L), Set.of()),
            new Entry("ps_classic_start", "powershell", Set.of(400L), Set.of()),
            new Entry("ps_classic_provider_start", "powershell", Set.of(600L), Set.of()),
            new Entry("ps_classic_script", "powershell", Set.of(800L), Set.of()));

    private WindowsCategories() {
    }

    /** The categories of an event of the service with this id and EventData type (may be null). */
    static List<String> of(String service, long eventId, String eventType) {
        List<String> categories = new ArrayList<>(2);
        for (Entry e : TABLE) {
            if (e.service().equals(service) && e.ids().contains(eventId)
                    && (e.eventTypes().isEmpty() || e.eventTypes().contains(eventType))) {
                categories.add(e.category());
            }
        }
        return categories;
    }

    /** The entries of a category, for finding its stored events. */
    static List<Entry> entries(String category) {
        return TABLE.stream().filter(e -> e.category().equals(category)).toList();
    }

    private static Entry sysmon(String category, long... ids) {
        Set<Long> set = new java.util.HashSet<>();
        for (long id : ids) {
            set.add(id);
        }
        return new Entry(category, SYSMON, Set.copyOf(set), Set.of());
    }
}
