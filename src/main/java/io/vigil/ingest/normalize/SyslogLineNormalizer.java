package io.vigil.ingest.normalize;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.Ecs;
import io.vigil.ingest.parse.Item;

/**
 * A syslog line sent over HTTP, kept as its message at arrival time. The syslog listener's parser
 * (RFC 3164/5424, sshd, PAM, sudo, iptables) replaces this as it lands.
 */
public final class SyslogLineNormalizer implements EventNormalizer {

    @Override
    public NormalizedEvent normalize(Item item, IngestContext context) throws NormalizationException {
        if (!(item instanceof Item.Text text)) {
            throw new NormalizationException("expected a line of text");
        }
        String id = Documents.contentId(context.source(), text.raw());
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        Documents.put(document, Ecs.TIMESTAMP, context.ingested().toString());
        Documents.put(document, Ecs.MESSAGE, text.raw());
        Documents.put(document, Ecs.EVENT_KIND, "event");
        EventNormalizer.stamp(document, id, text.raw(), context);
        return new NormalizedEvent(id, context.ingested(), context.source(), document);
    }
}
