package io.vigil.ingest.normalize;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import inet.ipaddr.IPAddressString;

/** Small helpers for writing ECS fields into a JSON document by dotted path. */
public final class Documents {

    private static final java.util.regex.Pattern DOTTED_QUAD = java.util.regex.Pattern
            .compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Documents() {
    }

    /** Sets {@code a.b.c} to a text value, creating the objects on the way; null values are skipped. */
    public static void put(ObjectNode document, String dottedPath, String value) {
        if (value != null) {
            parentOf(document, dottedPath).put(leaf(dottedPath), value);
        }
    }

    public static void put(ObjectNode document, String dottedPath, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            parentOf(document, dottedPath).set(leaf(dottedPath), value);
        }
    }

    /** Adds a value to an array field ({@code related.ip}), once. */
    public static void addDistinct(ObjectNode document, String dottedPath, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        ObjectNode parent = parentOf(document, dottedPath);
        JsonNode existing = parent.get(leaf(dottedPath));
        ArrayNode array = existing instanceof ArrayNode a ? a : parent.putArray(leaf(dottedPath));
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return;
            }
        }
        array.add(value);
    }

    /** Text at a dotted path of a record, if present and not empty. */
    public static Optional<String> text(JsonNode record, String dottedPath) {
        JsonNode node = record;
        for (String part : parts(dottedPath)) {
            node = node.path(part);
        }
        return node.isValueNode() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** An ISO-8601 time with offset ("2024-07-31T14:23:46Z"), if it is one. */
    public static Optional<Instant> instant(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(value));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /**
     * A canonical IP address, or empty for anything else ({@code ec2.amazonaws.com}). Leading zeros
     * in IPv4 octets ({@code 10.0.045.1}), which anonymised logs contain, are read as decimal.
     */
    public static Optional<String> ip(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String candidate = value.trim();
        if (DOTTED_QUAD.matcher(candidate).matches()) {
            String[] octets = candidate.split("\\.");
            StringBuilder canonical = new StringBuilder();
            for (String octet : octets) {
                int number = Integer.parseInt(octet);
                if (number > 255) {
                    return Optional.empty();
                }
                canonical.append(canonical.isEmpty() ? "" : ".").append(number);
            }
            return Optional.of(canonical.toString());
        }
        var address = new IPAddressString(candidate).getAddress();
        return address == null ? Optional.empty() : Optional.of(address.toCanonicalString());
    }

    private static ObjectNode parentOf(ObjectNode document, String dottedPath) {
        String[] parts = parts(dottedPath);
        ObjectNode node = document;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        return node;
    }

    /**
     * The parts of a dotted path. The paths are the code's own constants, so the split is kept;
     * splitting them again for every event was a visible share of ingest time.
     */
    private static String[] parts(String dottedPath) {
        String[] parts = SPLIT.get(dottedPath);
        if (parts == null) {
            parts = dottedPath.split("\\.");
            if (SPLIT.size() < 10_000) {
                SPLIT.put(dottedPath, parts);
            }
        }
        return parts;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String[]> SPLIT = new java.util.concurrent.ConcurrentHashMap<>();

    private static String leaf(String dottedPath) {
        return dottedPath.substring(dottedPath.lastIndexOf('.') + 1);
    }
}
