package io.vigil.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.event.NormalizedEvent;
import io.vigil.event.SourceType;
import io.vigil.ingest.parse.Item;

class JsonNormalizerTest {

    private final JsonNormalizer normalizer = new JsonNormalizer();
    private final IngestContext context = new IngestContext("app", SourceType.JSON,
            Instant.parse("2026-11-21T10:00:00Z"));

    private NormalizedEvent normalize(String raw) throws Exception {
        return normalizer.normalize(new Item.Json(1, new ObjectMapper().readTree(raw), raw), context);
    }

    @Test
    void takesTheTimeFromACommonFieldAndKeepsEveryField() throws Exception {
        NormalizedEvent event = normalize(
                "{\"time\":\"2026-11-21T09:59:58.5+01:00\",\"user\":\"carol\",\"ip\":\"192.0.2.9\",\"n\":1}");
        JsonNode doc = event.document();
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-21T08:59:58.5Z"));
        assertThat(doc.path("n").asInt()).isEqualTo(1);
        assertThat(doc.path("related").path("user").get(0).asText()).isEqualTo("carol");
        assertThat(doc.path("related").path("ip").get(0).asText()).isEqualTo("192.0.2.9");
        assertThat(doc.path("event").path("kind").asText()).isEqualTo("event");
    }

    @Test
    void plainValuesUnderEcsObjectNamesMoveToTheirEcsField() throws Exception {
        JsonNode doc = normalize("{\"user\":\"dave\",\"host\":\"web01\",\"source\":\"nginx\",\"event\":\"login\"}")
                .document();
        assertThat(doc.path("user").path("name").asText()).isEqualTo("dave");
        assertThat(doc.path("host").path("name").asText()).isEqualTo("web01");
        assertThat(doc.path("source").path("address").asText()).isEqualTo("nginx");
        assertThat(doc.path("event").path("action").asText()).isEqualTo("login");
        assertThat(doc.path("event").path("original").asText()).contains("\"user\":\"dave\"");
    }

    @Test
    void withoutATimeTheArrivalTimeCounts() throws Exception {
        assertThat(normalize("{\"msg\":\"hello\"}").timestamp()).isEqualTo(context.ingested());
    }

    @Test
    void theSameRecordAlwaysGetsTheSameIdAndAnotherRecordAnother() throws Exception {
        assertThat(normalize("{\"a\":1}").id()).isEqualTo(normalize("{\"a\":1}").id())
                .isNotEqualTo(normalize("{\"a\":2}").id());
        assertThat(normalize("{\"event\":{\"id\":\"e-1\"}}").id()).isEqualTo("app:e-1");
    }
}
