package io.vigil.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.event.EventSource;
import io.vigil.event.SourceType;
import io.vigil.ingest.parse.Payload;
import io.vigil.ingest.parse.PayloadLimits;
import io.vigil.ingest.parse.PayloadReader;

/** One format per source type, found by type; a type without a format (or with two) stops the server. */
class SourceFormatsTest {

    private static final List<SourceFormat> ALL = List.of(new CloudTrailFormat(), new JsonFormat(),
            new SyslogFormat(), new VpcFlowFormat());

    @Test
    void everySourceTypeHasItsFormat() {
        var formats = new SourceFormats(ALL);
        for (SourceType type : SourceType.values()) {
            assertThat(formats.of(type).type()).isEqualTo(type);
        }
    }

    @Test
    void aTypeWithoutAFormatIsRefused() {
        assertThatThrownBy(() -> new SourceFormats(ALL.subList(0, 3)))
                .hasMessage("no SourceFormat reads source type vpcflow");
    }

    @Test
    void twoFormatsForOneTypeAreRefused() {
        List<SourceFormat> twice = List.of(new CloudTrailFormat(), new JsonFormat(), new SyslogFormat(),
                new VpcFlowFormat(), new JsonFormat());
        assertThatThrownBy(() -> new SourceFormats(twice)).hasMessageContaining("two formats read source type json");
    }

    @Test
    void aFlowLogHeaderNamesTheFieldsAndIsNoEvent() throws Exception {
        var reader = new PayloadReader(new ObjectMapper(), PayloadLimits.DEFAULT);
        String file = "version srcaddr dstaddr action\n2 10.0.0.1 10.0.0.2 REJECT\n";
        var payload = Payload.read(new java.io.ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), false,
                PayloadLimits.DEFAULT, -1);
        var batch = new VpcFlowFormat().read(new EventSource("vpc", SourceType.VPCFLOW, "aws"), payload, reader);
        assertThat(batch.items()).hasSize(1);
    }
}
