package io.vigil.ingest.parse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Splits a payload into items: a JSON array, one JSON object (pretty-printed or not), or NDJSON
 * (one value per line), or plain text lines. Every bad item becomes a {@link Item.Rejected} with its
 * line and the reason; the good items around it are kept.
 */
public final class PayloadReader {

    /** How much of a rejected item is kept for the dead letters. */
    static final int RAW_KEPT = 64 * 1024;

    private final ObjectMapper json;
    private final PayloadLimits limits;

    public PayloadReader(ObjectMapper json, PayloadLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    /** Items of a JSON payload, in order. */
    public List<Item> json(Payload payload) {
        List<Item> items = new ArrayList<>();
        byte[] bytes = payload.bytes();
        int start = firstNonWhitespace(bytes);
        boolean utf8 = start >= 0 && validUtf8(bytes);
        if (start < 0) {
            items.add(new Item.Rejected(1, 400, "the body is empty", ""));
        } else if (utf8 && (bytes[start] == '[' || bytes[start] == '{') && readWhole(bytes, items)) {
            // one array or one object, read whole
        } else {
            ItemCap cap = new ItemCap(limits.maxItems());
            lines(bytes, (line, text) -> {
                if (cap.take(line)) {
                    items.add(parseLine(line, text, utf8));
                }
            });
            cap.rejection().ifPresent(items::add);
        }
        addDamage(payload, bytes, items);
        return items;
    }

    /** Items of a text payload: one per non-empty line. */
    public List<Item> text(Payload payload) {
        List<Item> items = new ArrayList<>();
        ItemCap cap = new ItemCap(limits.maxItems());
        lines(payload.bytes(), (line, text) -> {
            if (cap.take(line)) {
                items.add(new Item.Text(line, new String(text, StandardCharsets.UTF_8)));
            }
        });
        cap.rejection().ifPresent(items::add);
        addDamage(payload, payload.bytes(), items);
        return items;
    }

    /** Counts the items of one request; past the limit, they are only counted, into one rejection. */
    private static final class ItemCap {

        private final int max;
        private int seen;
        private int firstSkippedLine = -1;

        ItemCap(int max) {
            this.max = max;
        }

        /** Whether the item on this line is to be read. */
        boolean take(int line) {
            seen++;
            if (seen <= max) {
                return true;
            }
            if (firstSkippedLine < 0) {
                firstSkippedLine = line;
            }
            return false;
        }

        java.util.Optional<Item> rejection() {
            if (seen <= max) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Item.Rejected(firstSkippedLine, 413, String.format(java.util.Locale.ROOT,
                    "%,d more items after the first %,d of this request were not read: send at most %,d per"
                            + " request (split the file)",
                    seen - max, max, max), ""));
        }
    }

    /** Reads the payload as one JSON value; false (and nothing added) when it is not exactly one. */
    private boolean readWhole(byte[] bytes, List<Item> items) {
        try (JsonParser parser = json.getFactory().createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                ItemCap cap = new ItemCap(limits.maxItems());
                JsonNode value = readObject(parser, cap);
                if (parser.nextToken() != null) {
                    return false; // more values follow: NDJSON
                }
                // A file of records ({"Records":[...]}, as CloudTrail writes to S3) is bounded by the body
                // limit, its records one by one by the item limit and in number by maxItems; any other
                // object is one item.
                items.add(value.path("Records").isArray()
                        ? new Item.Json(1, value, "")
                        : sized(1, value, new String(bytes, StandardCharsets.UTF_8).strip(), bytes.length));
                cap.rejection().ifPresent(items::add);
                return true;
            }
            List<Item> elements = new ArrayList<>();
            ItemCap cap = new ItemCap(limits.maxItems());
            try {
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (token == null) {
                        elements.add(new Item.Rejected(parser.currentLocation().getLineNr(), 400,
                                "the JSON array is not closed", ""));
                        break;
                    }
                    int line = parser.currentTokenLocation().getLineNr();
                    if (!cap.take(line)) {
                        parser.skipChildren();
                        continue;
                    }
                    long from = parser.currentTokenLocation().getByteOffset();
                    JsonNode value = json.readTree(parser);
                    long size = parser.currentLocation().getByteOffset() - from;
                    elements.add(sized(line, value, null, size));
                }
            } catch (JsonParseException e) {
                elements.add(new Item.Rejected(e.getLocation().getLineNr(), 400, "malformed JSON at line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                        + e.getOriginalMessage() + "; the rest of the array was not read", ""));
            }
            items.addAll(elements);
            cap.rejection().ifPresent(items::add);
            return true;
        } catch (IOException e) {
            return false; // not one well-formed value: fall back to lines, which keeps the good ones
        }
    }

    /**
     * One top-level object, read field by field so that a {@code "Records"} array keeps only the records
     * the cap lets in (the rest are skipped unread, and counted).
     */
    private JsonNode readObject(JsonParser parser, ItemCap cap) throws IOException {
        var object = json.createObjectNode();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            if ("Records".equals(name) && valueToken == JsonToken.START_ARRAY) {
                var records = object.putArray(name);
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser
                        .nextToken()) {
                    if (element == null) {
                        throw new JsonParseException(parser, "the Records array is not closed");
                    }
                    if (cap.take(records.size() + 1)) {
                        records.add((JsonNode) json.readTree(parser));
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                object.set(name, json.readTree(parser));
            }
        }
        return object;
    }

    private Item sized(int line, JsonNode value, String raw, long size) {
        if (size > limits.maxItemBytes()) {
            return new Item.Rejected(line, 413, tooLarge(size), "");
        }
        if (!value.isObject()) {
            return new Item.Rejected(line, 400, "expected a JSON object, found " + describe(value),
                    value.toString());
        }
        try {
            return new Item.Json(line, value, raw != null ? raw : json.writeValueAsString(value));
        } catch (IOException e) {
            return new Item.Rejected(line, 400, "cannot re-serialize the value: " + e.getMessage(), "");
        }
    }

    /** One NDJSON line; {@code knownUtf8} skips the per-line check when the whole body was valid. */
    private Item parseLine(int line, byte[] text, boolean knownUtf8) {
        if (text.length > limits.maxItemBytes()) {
            return new Item.Rejected(line, 413, tooLarge(text.length), keep(text));
        }
        String raw;
        try {
            raw = knownUtf8
                    ? new String(text, StandardCharsets.UTF_8)
                    : strictUtf8().decode(ByteBuffer.wrap(text)).toString();
        } catch (CharacterCodingException e) {
            return new Item.Rejected(line, 400, "invalid UTF-8 at byte " + firstInvalidByte(text) + " of the line",
                    new String(text, 0, Math.min(text.length, RAW_KEPT), StandardCharsets.ISO_8859_1));
        }
        try {
            // the byte parser is markedly faster than parsing the decoded String
            JsonNode value = knownUtf8 ? json.readTree(text) : json.readTree(raw);
            if (value == null || !value.isObject()) {
                return new Item.Rejected(line, 400, "expected a JSON object, found " + describe(value), raw);
            }
            return new Item.Json(line, value, raw);
        } catch (JsonParseException e) {
            return new Item.Rejected(line, 400, "malformed JSON at column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage(), raw);
        } catch (IOException e) {
            return new Item.Rejected(line, 400, "malformed JSON: " + e.getMessage(), raw);
        }
    }

    private String tooLarge(long size) {
        return "item of " + size + " bytes is larger than the limit of " + limits.maxItemBytes() + " bytes";
    }

    private static String describe(JsonNode value) {
        return value == null ? "nothing" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void addDamage(Payload payload, byte[] bytes, List<Item> items) {
        if (payload.damage() != null) {
            items.add(new Item.Rejected(countLines(bytes) + 1, 400, payload.damage()
                    + "; the items before the damage were read, an incomplete last line was dropped", ""));
        }
    }

    @FunctionalInterface
    interface LineConsumer {

        void accept(int line, byte[] text);
    }

    /** Non-blank lines (LF or CRLF); a last line cut short by damage still counts as a line. */
    static void lines(byte[] bytes, LineConsumer consumer) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (!blank(bytes, start, end)) {
                    consumer.accept(line, java.util.Arrays.copyOfRange(bytes, start, end));
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonWhitespace(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i]) && !(i == 0 && bytes[i] == (byte) 0xEF)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean validUtf8(byte[] bytes) {
        return firstInvalidByte(bytes) < 0;
    }

    /**
     * The 1-based position of the first byte that is not UTF-8, or -1 when all are. Decoded through a
     * small window rather than whole: a batch is megabytes, and its decoded copy was an array too large
     * for the young generation.
     */
    private static int firstInvalidByte(byte[] bytes) {
        var decoder = strictUtf8();
        var in = ByteBuffer.wrap(bytes);
        var window = java.nio.CharBuffer.allocate(8192);
        while (true) {
            var result = decoder.decode(in, window, true);
            if (result.isError()) {
                return in.position() + 1;
            }
            if (result.isUnderflow()) {
                return decoder.flush(window.clear()).isError() ? in.position() + 1 : -1;
            }
            window.clear();
        }
    }

    private static java.nio.charset.CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int countLines(byte[] bytes) {
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String keep(byte[] text) {
        return new String(text, 0, Math.min(text.length, RAW_KEPT), StandardCharsets.UTF_8);
    }
}
