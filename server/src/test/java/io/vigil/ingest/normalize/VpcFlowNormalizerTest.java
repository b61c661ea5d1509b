package io.vigil.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.event.SourceType;
import io.vigil.ingest.parse.Item;

class VpcFlowNormalizerTest {

    private final IngestContext context = new IngestContext("vpc", SourceType.VPCFLOW,
            Instant.parse("2026-11-21T10:00:00Z"));
    private final VpcFlowNormalizer normalizer = new VpcFlowNormalizer(VpcFlowNormalizer.DEFAULT_FIELDS);

    @Test
    void aRejectedSshFlowBecomesNetworkFields() throws NormalizationException {
        JsonNode doc = normalizer.normalize(new Item.Text(2,
                "2 111122223333 eni-0a1b 198.51.100.7 10.0.1.25 49761 22 6 20 4249 1763712000 1763712060 REJECT OK"),
                context).document();

        assertThat(doc.path("@timestamp").asText()).isEqualTo("2025-11-21T08:00:00Z");
        assertThat(doc.path("source").path("ip").asText()).isEqualTo("198.51.100.7");
        assertThat(doc.path("source").path("port").asLong()).isEqualTo(49761);
        assertThat(doc.path("destination").path("ip").asText()).isEqualTo("10.0.1.25");
        assertThat(doc.path("destination").path("port").asLong()).isEqualTo(22);
        assertThat(doc.path("network").path("transport").asText()).isEqualTo("tcp");
        assertThat(doc.path("network").path("bytes").asLong()).isEqualTo(4249);
        assertThat(doc.path("network").path("packets").asLong()).isEqualTo(20);
        assertThat(doc.path("event").path("action").asText()).isEqualTo("reject");
        assertThat(doc.path("event").path("outcome").asText()).isEqualTo("failure");
        assertThat(doc.path("cloud").path("account").path("id").asText()).isEqualTo("111122223333");
        assertThat(doc.path("vpcflow").path("interface_id").asText()).isEqualTo("eni-0a1b");
    }

    @Test
    void aCustomFormatFollowsItsHeader() throws NormalizationException {
        List<String> fields = VpcFlowNormalizer.header(new Item.Text(1, "srcaddr dstaddr action region")).orElseThrow();
        JsonNode doc = new VpcFlowNormalizer(fields).normalize(new Item.Text(2, "10.0.0.1 10.0.0.2 ACCEPT eu-west-1"),
                context).document();
        assertThat(doc.path("source").path("ip").asText()).isEqualTo("10.0.0.1");
        assertThat(doc.path("cloud").path("region").asText()).isEqualTo("eu-west-1");
        assertThat(doc.path("@timestamp").asText()).as("no start field: arrival time")
                .isEqualTo("2026-11-21T10:00:00Z");
    }

    @Test
    void aNoDataRecordKeepsWhatItHas() throws NormalizationException {
        JsonNode doc = normalizer.normalize(new Item.Text(4,
                "2 111122223333 eni-0a1b - - - - - - - 1763712000 1763712060 - NODATA"), context).document();
        assertThat(doc.path("source").has("ip")).isFalse();
        assertThat(doc.path("vpcflow").path("log_status").asText()).isEqualTo("NODATA");
    }

    @Test
    void aShortLineIsRefusedWithTheExpectedFormat() {
        assertThatThrownBy(() -> normalizer.normalize(new Item.Text(5, "2 1111 eni-1 10.0.1.26 10.0.0.2"), context))
                .hasMessageStartingWith("expected 14 space-separated fields (version account-id");
    }
}
