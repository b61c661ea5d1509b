package io.vigil.detect;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.detect.match.EventContext;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.event.Ecs;
import io.vigil.event.SourceType;
import io.vigil.index.query.Dsl;

/**
 * The stored events a rule's logsource applies to, as a query filter: the same decision
 * {@link EventLogSource} makes for each event at ingest, turned around. A rule fits an event when every
 * logsource part the rule states equals the event's; so the filter is the union of the event families
 * (CloudTrail, VPC flow, a syslog program, a Windows channel) whose logsource fits.
 */
public final class LogSourceQuery {

    private static final List<String> CHANNEL_FIELDS = List.of("winlog.channel", "Channel", "Event.System.Channel");
    private static final List<String> EVENT_ID_FIELDS = List.of("winlog.event_id", "EventID", "Event.System.EventID");

    private LogSourceQuery() {
    }

    /** The filter; {@code match_all} for a rule without logsource, {@code match_none} when nothing fits. */
    public static ObjectNode of(SigmaRule.LogSource logsource) {
        // the stated parts, normalized as the matcher's contexts are
        EventContext stated = logsource == null
                ? EventContext.NONE
                : new EventContext(logsource.product(), logsource.service(), logsource.category());
        String product = stated.product();
        String service = stated.service();
        String category = stated.category();
        if (product == null && service == null && category == null) {
            return Dsl.matchAll();
        }
        List<ObjectNode> families = new ArrayList<>();
        if (category == null) {
            if (fits(product, "aws") && fits(service, "cloudtrail")) {
                families.add(sourceType(SourceType.CLOUDTRAIL));
            }
            if (fits(product, "aws") && fits(service, "vpcflow")) {
                families.add(sourceType(SourceType.VPCFLOW));
            }
            if (fits(product, "linux")) {
                families.add(syslog(service));
            }
        }
        if (fits(product, "windows")) {
            windows(service, category).ifPresent(families::add);
        }
        return families.isEmpty() ? Dsl.matchNone() : Dsl.or(families);
    }

    /** Why nothing can match, for the console; null when some events can. */
    public static String nothingFits(SigmaRule.LogSource logsource) {
        return of(logsource).has("match_none")
                ? "Vigil has no events of this logsource (" + describe(logsource) + ")"
                : null;
    }

    private static ObjectNode syslog(String service) {
        ObjectNode syslog = sourceType(SourceType.SYSLOG);
        if (service == null) {
            return syslog;
        }
        List<ObjectNode> programs = new ArrayList<>();
        if (service.equals("auth")) {
            EventLogSource.AUTH_PROGRAMS.stream().sorted().forEach(p -> programs.add(Dsl.term("process.name", p,
                    true)));
            programs.add(prefix("process.name", "pam"));
        }
        programs.add(Dsl.term("process.name", service, true));
        return Dsl.and(List.of(syslog, Dsl.or(programs)));
    }

    /** Events of a channel fitting the service and, for a category, of its event ids. */
    private static java.util.Optional<ObjectNode> windows(String service, String category) {
        if (category == null) {
            return java.util.Optional.of(Dsl.and(List.of(sourceType(SourceType.JSON), channel(service))));
        }
        List<ObjectNode> kinds = new ArrayList<>();
        for (WindowsCategories.Entry e : WindowsCategories.entries(category)) {
            if (fits(service, e.service())) {
                List<ObjectNode> parts = new ArrayList<>(List.of(sourceType(SourceType.JSON), channel(e.service())));
                List<ObjectNode> ids = new ArrayList<>();
                for (String field : EVENT_ID_FIELDS) {
                    e.ids().stream().sorted().forEach(id -> ids.add(Dsl.term(field, id.toString(), false)));
                }
                parts.add(Dsl.or(ids));
                if (!e.eventTypes().isEmpty()) {
                    parts.add(Dsl.or(e.eventTypes().stream().sorted()
                            .map(type -> Dsl.term("winlog.event_data.EventType", type, false)).toList()));
                }
                kinds.add(Dsl.and(parts));
            }
        }
        return kinds.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Dsl.or(kinds));
    }

    private static ObjectNode channel(String service) {
        List<ObjectNode> channels = new ArrayList<>();
        for (String field : CHANNEL_FIELDS) {
            if (service == null) {
                channels.add(Dsl.exists(field));
                continue;
            }
            EventLogSource.WINDOWS_SERVICES.forEach((channel, known) -> {
                if (known.equals(service)) {
                    channels.add(Dsl.term(field, channel, false));
                }
            });
            // any other channel is its own service name, in any case
            channels.add(Dsl.term(field, service, true));
        }
        return Dsl.or(channels);
    }

    private static ObjectNode sourceType(SourceType type) {
        return Dsl.term(Ecs.VIGIL_SOURCE_TYPE, type.id(), false);
    }

    private static ObjectNode prefix(String field, String value) {
        ObjectNode q = JsonNodeFactory.instance.objectNode();
        q.putObject("prefix").putObject(field).put("value", value).put("case_insensitive", true);
        return q;
    }

    private static boolean fits(String stated, String value) {
        return stated == null || stated.equals(value);
    }

    /** A logsource for people: its stated parts, {@code aws / cloudtrail}; {@code any} when none. */
    public static String describe(SigmaRule.LogSource ls) {
        if (ls == null) {
            return "any";
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[]{ls.product(), ls.service(), ls.category()}) {
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? "any" : String.join(" / ", parts);
    }
}
