package io.vigil.detect;

import java.util.List;
import java.util.Locale;

import io.vigil.detect.match.EventContext;
import io.vigil.event.NormalizedEvent;
import io.vigil.event.SourceType;

/**
 * The Sigma logsource an event belongs to: CloudTrail events are {@code aws/cloudtrail}; syslog lines
 * are {@code linux} with the program as service ({@code sshd}, {@code sudo}, …, and {@code auth} for
 * the authentication programs, as SigmaHQ's Linux rules expect); JSON events name their own
 * (Windows event logs carry {@code Channel}).
 */
public record EventLogSource(String product, String service, List<String> categories) {

    static EventLogSource of(SourceType type, NormalizedEvent event) {
        return switch (type) {
            case CLOUDTRAIL -> new EventLogSource("aws", "cloudtrail", List.of());
            case VPCFLOW -> new EventLogSource("aws", "vpcflow", List.of());
            case SYSLOG -> new EventLogSource("linux", syslogService(event), List.of());
            case JSON -> json(event);
        };
    }

    /**
     * The contexts the event is matched in: its own, and for the authentication programs also
     * {@code linux/auth} — SigmaHQ writes sshd rules for both {@code service: sshd} and
     * {@code service: auth}.
     */
    List<EventContext> contexts() {
        if (!categories.isEmpty()) {
            return categories.stream().map(category -> new EventContext(product, service, category)).toList();
        }
        EventContext own = new EventContext(product, service, null);
        return isAuthService() && !"auth".equals(service)
                ? List.of(own, new EventContext(product, "auth", null))
                : List.of(own);
    }

    private boolean isAuthService() {
        return service != null && (AUTH_PROGRAMS.contains(service) || service.startsWith("pam"));
    }

    /** Sigma's Windows services by channel; any other channel is its own name in lower case. */
    static final java.util.Map<String, String> WINDOWS_SERVICES = java.util.Map.of("Security", "security", "System",
            "system", "Application", "application", "Microsoft-Windows-Sysmon/Operational", "sysmon",
            "Microsoft-Windows-PowerShell/Operational", "powershell", "Windows PowerShell", "powershell");

    /** Programs whose lines are also {@code linux/auth} (besides any {@code pam*} program). */
    static final java.util.Set<String> AUTH_PROGRAMS = java.util.Set.of("sshd", "sudo", "su", "login", "passwd",
            "dropbear", "systemd-logind", "polkitd");

    /** An event id as shippers write it: a number, a numeric string, or {@code {"#text": 4688, ...}}. */
    private static Long eventId(com.fasterxml.jackson.databind.JsonNode node) {
        var value = node.has("#text") ? node.get("#text") : node;
        if (value.canConvertToLong() && value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual() && value.textValue().matches("\\d{1,10}")) {
            return Long.parseLong(value.textValue());
        }
        return null;
    }

    private static String syslogService(NormalizedEvent event) {
        String program = event.document().path("process").path("name").asText(null);
        return program == null ? null : program.toLowerCase(Locale.ROOT);
    }

    /**
     * Windows event logs rendered as JSON name their channel (kept under {@code winlog.channel} at
     * ingest); the channel gives the service, the event id the categories. Other JSON has no logsource.
     */
    private static EventLogSource json(NormalizedEvent event) {
        var winlog = event.document().path("winlog");
        var fields = winlog.has("channel") ? null : event.merged();
        String channel = fields == null
                ? winlog.path("channel").asText()
                : fields.path("Channel").asText(fields.path("Event").path("System").path("Channel").asText(null));
        if (channel == null) {
            return new EventLogSource(null, null, List.of());
        }
        String service = WINDOWS_SERVICES.getOrDefault(channel, channel.toLowerCase(Locale.ROOT));
        var data = winlog.path("event_data");
        Long id = eventId(winlog.path("event_id"));
        if (id == null && fields != null) {
            id = eventId(fields.path("EventID"));
            id = id != null ? id : eventId(fields.path("Event").path("System").path("EventID"));
            data = fields.path("EventData").isObject()
                    ? fields.path("EventData")
                    : fields.path("Event").path("EventData");
        }
        String eventType = data.path("EventType").asText(fields == null ? null : fields.path("EventType").asText(null));
        List<String> categories = id == null ? List.of() : WindowsCategories.of(service, id, eventType);
        return new EventLogSource("windows", service, categories);
    }
}
