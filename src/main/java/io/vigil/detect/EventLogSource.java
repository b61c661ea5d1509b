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
public record EventLogSource(String product, String service, String category) {

    static EventLogSource of(SourceType type, NormalizedEvent event) {
        return switch (type) {
            case CLOUDTRAIL -> new EventLogSource("aws", "cloudtrail", null);
            case VPCFLOW -> new EventLogSource("aws", "vpcflow", null);
            case SYSLOG -> new EventLogSource("linux", syslogService(event), null);
            case JSON -> json(event);
        };
    }

    /**
     * The contexts the event is matched in: its own, and for the authentication programs also
     * {@code linux/auth} — SigmaHQ writes sshd rules for both {@code service: sshd} and
     * {@code service: auth}.
     */
    List<EventContext> contexts() {
        EventContext own = new EventContext(product, service, category);
        return isAuthService() && !"auth".equals(service)
                ? List.of(own, new EventContext(product, "auth", category))
                : List.of(own);
    }

    private boolean isAuthService() {
        return service != null && switch (service) {
            case "sshd", "sudo", "su", "login", "passwd", "dropbear", "systemd-logind", "polkitd" -> true;
            default -> service.startsWith("pam");
        };
    }

    private static String syslogService(NormalizedEvent event) {
        String program = event.document().path("process").path("name").asText(null);
        return program == null ? null : program.toLowerCase(Locale.ROOT);
    }

    /** Windows event logs rendered as JSON name their channel; other JSON has no logsource. */
    private static EventLogSource json(NormalizedEvent event) {
        var fields = event.merged();
        var channel = fields.path("Channel").asText(fields.path("Event").path("System").path("Channel").asText(null));
        if (channel == null) {
            return new EventLogSource(null, null, null);
        }
        String service = switch (channel) {
            case "Security" -> "security";
            case "System" -> "system";
            case "Application" -> "application";
            case "Microsoft-Windows-Sysmon/Operational" -> "sysmon";
            case "Microsoft-Windows-PowerShell/Operational", "Windows PowerShell" -> "powershell";
            default -> channel.toLowerCase(Locale.ROOT);
        };
        return new EventLogSource("windows", service, null);
    }
}
