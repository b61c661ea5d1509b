package io.vigil.ingest.normalize;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.ContentIds;
import io.vigil.event.Ecs;
import io.vigil.event.NormalizedEvent;
import io.vigil.ingest.parse.Item;

/**
 * AWS VPC Flow Log records: space-separated fields in the default version 2 order, or in the order
 * a file's header line names (custom formats). Every field is kept under {@code vpcflow.*}; the
 * ECS network fields are added beside them.
 */
public final class VpcFlowNormalizer implements EventNormalizer {

    /** The default format (version 2). */
    public static final List<String> DEFAULT_FIELDS = List.of("version", "account-id", "interface-id", "srcaddr",
            "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status");

    private static final Map<String, String> TRANSPORTS = Map.of("1", "icmp", "6", "tcp", "17", "udp", "58",
            "ipv6-icmp", "47", "gre", "50", "esp");

    private final List<String> fields;

    public VpcFlowNormalizer(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The field names of a header line ({@code version account-id …}), if the line is one. */
    public static Optional<List<String>> header(Item item) {
        if (item instanceof Item.Text text) {
            List<String> names = Arrays.asList(text.raw().trim().split("\\s+"));
            if (names.contains("srcaddr") || names.contains("version") && names.contains("action")) {
                return Optional.of(names);
            }
        }
        return Optional.empty();
    }

    @Override
    public NormalizedEvent normalize(Item item, IngestContext context) throws NormalizationException {
        if (!(item instanceof Item.Text text)) {
            throw new NormalizationException("expected a VPC flow log line");
        }
        String[] values = text.raw().trim().split("\\s+");
        if (values.length != fields.size()) {
            throw new NormalizationException("expected " + fields.size() + " space-separated fields ("
                    + String.join(" ", fields) + "), found " + values.length);
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        ObjectNode native_ = document.putObject("vpcflow");
        for (int i = 0; i < values.length; i++) {
            if (!values[i].equals("-")) {
                native_.put(fields.get(i).replace('-', '_'), values[i]);
            }
        }
        Instant start = epochSeconds(native_.path("start").asText(null), "start");
        Instant time = start != null ? start : context.ingested();
        Documents.put(document, Ecs.TIMESTAMP, time.toString());
        Documents.put(document, "event.start", start == null ? null : start.toString());
        Instant end = epochSeconds(native_.path("end").asText(null), "end");
        Documents.put(document, "event.end", end == null ? null : end.toString());
        Documents.put(document, Ecs.EVENT_KIND, "event");
        Documents.put(document, Ecs.EVENT_CATEGORY, "network");
        String action = native_.path("action").asText("").toLowerCase(java.util.Locale.ROOT);
        if (!action.isEmpty()) {
            Documents.put(document, Ecs.EVENT_ACTION, action);
            Documents.put(document, Ecs.EVENT_TYPE, action.equals("accept") ? "allowed" : "denied");
            Documents.put(document, Ecs.EVENT_OUTCOME, action.equals("accept") ? "success" : "failure");
        }
        address(document, "source", native_.path("srcaddr").asText(null), native_.path("srcport").asText(null));
        address(document, "destination", native_.path("dstaddr").asText(null), native_.path("dstport").asText(null));
        String protocol = native_.path("protocol").asText(null);
        Documents.put(document, "network.iana_number", protocol);
        Documents.put(document, "network.transport", protocol == null
                ? null
                : TRANSPORTS.getOrDefault(protocol,
                        protocol));
        number(document, "network.bytes", native_.path("bytes").asText(null));
        number(document, "network.packets", native_.path("packets").asText(null));
        number(document, "source.bytes", native_.path("bytes").asText(null));
        number(document, "source.packets", native_.path("packets").asText(null));
        Documents.put(document, Ecs.CLOUD_PROVIDER, "aws");
        Documents.put(document, Ecs.CLOUD_ACCOUNT_ID, native_.path("account_id").asText(null));
        Documents.put(document, Ecs.CLOUD_REGION, native_.path("region").asText(null));
        String id = ContentIds.of(context.source(), text.raw());
        EventNormalizer.stamp(document, id, text.raw(), context);
        return new NormalizedEvent(id, time, context.source(), document);
    }

    private static void address(ObjectNode document, String side, String address, String port) {
        Documents.ip(address).ifPresent(ip -> {
            Documents.put(document, side + ".ip", ip);
            Documents.addDistinct(document, Ecs.RELATED_IP, ip);
        });
        number(document, side + ".port", port);
    }

    private static void number(ObjectNode document, String path, String value) {
        if (value != null && value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
            Documents.put(document, path, JsonNodeFactory.instance.numberNode(Long.parseLong(value)));
        }
    }

    private static Instant epochSeconds(String value, String field) throws NormalizationException {
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new NormalizationException(field + " is not a time in epoch seconds: " + value);
        }
    }
}
