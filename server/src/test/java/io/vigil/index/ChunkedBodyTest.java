package io.vigil.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ChunkedBodyTest {

    @Test
    void whatIsWrittenComesOutInOrderAcrossChunkBoundaries() {
        byte[] data = new byte[3 * ChunkedBody.CHUNK + 123];
        new Random(7).nextBytes(data);
        var body = new ChunkedBody();
        int at = 0;
        // writes of every awkward size: single bytes, pieces that straddle a chunk's end, a whole chunk
        for (int size : new int[]{1, 1, ChunkedBody.CHUNK - 5, 10, ChunkedBody.CHUNK, 0, 7}) {
            if (size == 1) {
                body.write(data[at]);
            } else {
                body.write(data, at, size);
            }
            at += size;
        }
        body.write(data, at, data.length - at);

        var joined = new ByteArrayOutputStream();
        body.chunks().forEach(joined::writeBytes);
        assertThat(joined.toByteArray()).isEqualTo(data);
        assertThat(body.size()).isEqualTo(data.length);
        assertThat(body.chunks()).allSatisfy(chunk -> assertThat(chunk.length).isLessThanOrEqualTo(ChunkedBody.CHUNK));
    }

    @Test
    void theBodyDeclaresItsLength() {
        var body = new ChunkedBody();
        body.write(new byte[ChunkedBody.CHUNK], 0, ChunkedBody.CHUNK);

        assertThat(body.publisher().contentLength()).isEqualTo(ChunkedBody.CHUNK);
        assertThat(body.chunks()).hasSize(1);
        assertThat(new ChunkedBody().chunks()).isEmpty();
    }
}
