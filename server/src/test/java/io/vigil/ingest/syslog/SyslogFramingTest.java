package io.vigil.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SyslogFramingTest {

    private final SyslogFraming framing = new SyslogFraming(100);
    private final List<SyslogFraming.Frame> frames = new ArrayList<>();

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        framing.feed(bytes, 0, bytes.length, frames::add);
    }

    private List<String> messages() {
        return frames.stream().map(frame -> frame instanceof SyslogFraming.Message message
                ? new String(message.bytes(), StandardCharsets.UTF_8)
                : "OVERSIZED " + ((SyslogFraming.Oversized) frame).length()).toList();
    }

    @Test
    void newlineCrlfAndNulEndMessagesAndEmptyLinesAreSkipped() {
        feed("<13>one\n<13>two\r\n\n<13>three\0<13>four");
        assertThat(messages()).containsExactly("<13>one", "<13>two", "<13>three");
        framing.finish(frames::add);
        assertThat(messages()).last().isEqualTo("<13>four");
    }

    @Test
    void octetCountingAndNewlineFramingMayBeMixedAndSplitAnywhere() {
        String stream = "11 <13>1 a b c11 <13>1 d\ne f\n<13>plain line\n2024-01-01T00:00:00Z host x\n";
        for (char c : stream.toCharArray()) {
            feed(String.valueOf(c));
        }
        assertThat(messages()).containsExactly("<13>1 a b c", "<13>1 d\ne f", "<13>plain line",
                "2024-01-01T00:00:00Z host x");
    }

    @Test
    void anOversizedCountedFrameIsReportedAndTheStreamStaysInStep() {
        feed("150 " + "x".repeat(60));
        feed("y".repeat(90) + "5 hello");
        assertThat(messages()).containsExactly("OVERSIZED 150", "hello");
        assertThat(((SyslogFraming.Oversized) frames.get(0)).head()).hasSize(60);
    }

    @Test
    void anOversizedLineIsReportedWithItsLengthWhetherItArrivesWholeOrInPieces() {
        feed("z".repeat(150) + "\nnext\n");
        feed("w".repeat(80));
        feed("w".repeat(80));
        feed("w".repeat(10) + "\nafter\n");
        assertThat(messages()).containsExactly("OVERSIZED 150", "next", "OVERSIZED 170", "after");
    }

    @Test
    void digitsWithoutASpaceAreAnOrdinaryLine() {
        feed("12345678901234 not a length\n1a\n");
        assertThat(messages()).containsExactly("12345678901234 not a length", "1a");
    }
}
