package io.vigil.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.testing.Gzip;

class PayloadReaderTest {

    private final PayloadReader reader = new PayloadReader(new ObjectMapper(), new PayloadLimits(1000, 1 << 20));

    private List<Item> read(String body) throws IOException {
        return reader.json(Payload.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), false,
                PayloadLimits.DEFAULT));
    }

    @Test
    void ndjsonKeepsGoodLinesAndNamesTheBadOnes() throws IOException {
        List<Item> items = read("{\"a\":1}\n{\"b\":\n\n{\"c\":3}\r\n[1,2]\n");

        assertThat(items).hasSize(4);
        assertThat(items.get(0)).isInstanceOf(Item.Json.class).extracting(Item::line).isEqualTo(1);
        assertThat(items.get(1)).isInstanceOfSatisfying(Item.Rejected.class, rejected -> {
            assertThat(rejected.line()).isEqualTo(2);
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.reason()).startsWith("malformed JSON");
        });
        assertThat(items.get(2)).isInstanceOfSatisfying(Item.Json.class,
                json -> assertThat(json.raw()).isEqualTo("{\"c\":3}"));
        assertThat(items.get(3)).isInstanceOfSatisfying(Item.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo("expected a JSON object, found array"));
    }

    @Test
    void itemsPastTheLimitPerRequestAreCountedNotRead() throws IOException {
        var capped = new PayloadReader(new ObjectMapper(), new PayloadLimits(1000, 1 << 20, 3));
        // the line of the first item not read: NDJSON's line, an array's line in the text, a record's number
        for (var body : Map.of("{}\n{}\n{}\n{}\n{}\n", 4, "[{},{},{},\n{},{}]", 2,
                "{\"Records\":[{},{},{},{},{\"deep\":[1,2]}]}", 4).entrySet()) {
            List<Item> items = capped.json(Payload.read(new ByteArrayInputStream(body.getKey().getBytes(
                    StandardCharsets.UTF_8)), false, PayloadLimits.DEFAULT));
            Item.Rejected last = (Item.Rejected) items.get(items.size() - 1);
            assertThat(last.status()).as(body.getKey()).isEqualTo(413);
            assertThat(last.line()).as(body.getKey()).isEqualTo(body.getValue());
            assertThat(last.reason()).as(body.getKey()).startsWith("2 more items after the first 3 of this request");
        }
        List<Item> records = capped.json(Payload.read(new ByteArrayInputStream(
                "{\"Records\":[{},{},{},{},{}]}".getBytes(StandardCharsets.UTF_8)), false, PayloadLimits.DEFAULT));
        assertThat(((Item.Json) records.get(0)).value().get("Records")).hasSize(3);
        List<Item> lines = capped.text(Payload.read(new ByteArrayInputStream("a\nb\nc\nd\n".getBytes(
                StandardCharsets.UTF_8)), false, PayloadLimits.DEFAULT));
        assertThat(lines).hasSize(4);
        assertThat(((Item.Rejected) lines.get(3)).reason()).startsWith("1 more items");
    }

    @Test
    void aPrettyPrintedObjectIsOneItem() throws IOException {
        List<Item> items = read("{\n  \"a\": 1,\n  \"b\": {\"c\": 2}\n}\n");
        assertThat(items).singleElement().isInstanceOf(Item.Json.class);
    }

    @Test
    void anArrayGivesOneItemPerElementWithItsLine() throws IOException {
        List<Item> items = read("[\n{\"a\":1},\n{\"a\":2},\n3\n]");
        assertThat(items).extracting(Item::line).containsExactly(2, 3, 4);
        assertThat(items.get(2)).isInstanceOf(Item.Rejected.class);
    }

    @Test
    void aBrokenArrayKeepsTheElementsBeforeTheBreak() throws IOException {
        List<Item> items = read("[{\"a\":1},\n{\"a\":2},\n{\"a\": oops}]");
        assertThat(items.stream().filter(Item.Json.class::isInstance)).hasSize(2);
        assertThat(items.getLast()).isInstanceOfSatisfying(Item.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("line 3").contains("rest of the array"));
    }

    @Test
    void anOversizedItemIsRejectedAloneWith413() throws IOException {
        String big = "{\"x\":\"" + "y".repeat(2000) + "\"}";
        List<Item> items = read("{\"a\":1}\n" + big + "\n{\"a\":3}");
        assertThat(items).extracting(item -> item instanceof Item.Rejected r ? r.status() : 200)
                .containsExactly(200, 413, 200);
    }

    @Test
    void invalidUtf8IsRejectedForItsLineOnly() throws IOException {
        byte[] good = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        byte[] body = concat(good, bad, good);

        List<Item> items = reader.json(Payload.read(new ByteArrayInputStream(body), false, PayloadLimits.DEFAULT));

        assertThat(items).hasSize(3);
        assertThat(items.get(1)).isInstanceOfSatisfying(Item.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo("invalid UTF-8 at byte 7 of the line"));
        assertThat(items.get(2)).isInstanceOf(Item.Json.class);
    }

    @Test
    void invalidUtf8FarIntoALargeBodyIsStillFound() throws IOException {
        byte[] good = "{\"a\":\"0123456789abcdef\"}\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}', '\n'};

        List<Item> items = reader.json(Payload.read(new ByteArrayInputStream(concat(good, bad)), false,
                PayloadLimits.DEFAULT));

        assertThat(items).hasSize(2001);
        assertThat(items.getLast()).isInstanceOfSatisfying(Item.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("invalid UTF-8 at byte 7"));
    }

    @Test
    void aBodyIsReadWholeWhateverLengthItsSenderDeclared() throws IOException {
        byte[] body = "{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8);

        for (long declared : new long[]{body.length, body.length - 5, body.length + 100, -1}) {
            Payload payload = Payload.read(new ByteArrayInputStream(body), false, PayloadLimits.DEFAULT, declared);
            assertThat(payload.bytes()).as("declared %d", declared).isEqualTo(body);
        }
    }

    @Test
    void aBodyLongerThanDeclaredIsStillCappedAtTheLimit() {
        byte[] body = new byte[3000];
        Arrays.fill(body, (byte) 'x');

        try {
            Payload.read(new ByteArrayInputStream(body), false, new PayloadLimits(1000, 2000), 1500);
            org.junit.jupiter.api.Assertions.fail("expected the body to be refused");
        } catch (IOException e) {
            assertThat(e).isInstanceOf(Payload.PayloadTooLargeException.class);
        }
    }

    @Test
    void aTruncatedGzipKeepsWhatCameBeforeTheDamage() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            lines.append("{\"n\":").append(i).append(",\"pad\":\"").append(Integer.toHexString(i * 7919))
                    .append("\"}\n");
        }
        byte[] gzip = Gzip.of(lines.toString().getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(gzip, gzip.length / 2);

        List<Item> items = reader.json(Payload.read(new ByteArrayInputStream(truncated), false, PayloadLimits.DEFAULT));

        long good = items.stream().filter(Item.Json.class::isInstance).count();
        assertThat(good).isBetween(100L, 1999L);
        assertThat(items.getLast()).isInstanceOfSatisfying(Item.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("gzip input is truncated"));
    }

    @Test
    void anEmptyBodyIsSaidToBeEmpty() throws IOException {
        assertThat(read("  \n")).singleElement().isInstanceOfSatisfying(Item.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo("the body is empty"));
    }

    @Test
    void aDecompressionBombIsRefusedWhole() throws IOException {
        byte[] zeros = Gzip.of(new byte[4 << 20]);
        try {
            Payload.read(new ByteArrayInputStream(zeros), true, new PayloadLimits(1000, 1 << 20));
            org.junit.jupiter.api.Assertions.fail("expected the body to be refused");
        } catch (Payload.PayloadTooLargeException e) {
            assertThat(e.getMessage()).contains("larger than 1 MiB once decompressed");
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
