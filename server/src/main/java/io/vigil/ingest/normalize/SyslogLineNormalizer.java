package io.vigil.ingest.normalize;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.ContentIds;
import io.vigil.event.Ecs;
import io.vigil.event.NormalizedEvent;
import io.vigil.ingest.parse.Item;
import io.vigil.ingest.syslog.SyslogMessage;
import io.vigil.ingest.syslog.SyslogParser;
import io.vigil.ingest.syslog.auth.AuthParser;
import io.vigil.ingest.syslog.firewall.FirewallParser;

/**
 * A syslog line: its header (time, host, program, pid, priority) becomes ECS {@code host.*},
 * {@code process.*} and {@code log.syslog.*}, the rest is the {@code message}. Lines without a
 * time get the arrival time. sshd, PAM, sudo, su and dropbear messages add user, source address,
 * action and outcome ({@link LinuxAuthFields}); iptables and UFW packet logs add the connection
 * ({@link FirewallFields}).
 */
public final class SyslogLineNormalizer implements EventNormalizer {

    private final AuthParser auth;
    private final FirewallParser firewall = new FirewallParser();

    /**
     * @param auth the source's authentication parser: it remembers sessions across lines (and batches),
     *        so one instance serves one source
     */
    public SyslogLineNormalizer(AuthParser auth) {
        this.auth = auth;
    }

    @Override
    public NormalizedEvent normalize(Item item, IngestContext context) throws NormalizationException {
        if (!(item instanceof Item.Text text)) {
            throw new NormalizationException("expected a line of text");
        }
        SyslogMessage parsed = new SyslogParser(Clock.fixed(context.yearlessBefore(), ZoneOffset.UTC),
                context.yearlessZone()).parse(text.raw());
        Instant time = parsed.timestamp() != null ? parsed.timestamp() : context.ingested();
        String id = ContentIds.of(context.source(), text.key() != null ? text.key() : text.raw());
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        Documents.put(document, Ecs.TIMESTAMP, time.toString());
        Documents.put(document, Ecs.MESSAGE, parsed.message());
        Documents.put(document, Ecs.EVENT_KIND, "event");
        Documents.put(document, Ecs.HOST_NAME, parsed.host());
        Documents.put(document, "process.name", parsed.app());
        if (parsed.procId() != null && parsed.procId().chars().allMatch(Character::isDigit)) {
            Documents.put(document, "process.pid",
                    JsonNodeFactory.instance.numberNode(Long.parseLong(parsed.procId())));
        }
        Documents.put(document, "log.syslog.appname", parsed.app());
        Documents.put(document, "log.syslog.hostname", parsed.host());
        Documents.put(document, "log.syslog.procid", parsed.procId());
        Documents.put(document, "log.syslog.msgid", parsed.msgId());
        Documents.put(document, "log.syslog.format", parsed.format());
        Documents.put(document, "log.source.address", context.peer());
        if (parsed.priority() != null) {
            Documents.put(document, "log.syslog.priority", JsonNodeFactory.instance.numberNode(parsed.priority()));
            Documents.put(document, "log.syslog.facility.code", JsonNodeFactory.instance.numberNode(parsed.facility()));
            Documents.put(document, "log.syslog.severity.code", JsonNodeFactory.instance.numberNode(parsed.severity()));
        }
        auth.parse(parsed).ifPresentOrElse(event -> LinuxAuthFields.apply(document, event),
                () -> firewall.parse(parsed.message()).ifPresent(event -> FirewallFields.apply(document, event)));
        EventNormalizer.stamp(document, id, text.raw(), context);
        return new NormalizedEvent(id, time, context.source(), document);
    }
}
