package io.vigil.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class SpoolTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private List<EventIndexer.Document> batch(String prefix, int size) {
        List<EventIndexer.Document> documents = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            documents.add(new EventIndexer.Document("vigil-events-s-2026.11.21", prefix + i,
                    json.createObjectNode().put("n", i).put("p", prefix), 40));
        }
        return documents;
    }

    private static EventIndexer.Outcome stored(List<EventIndexer.Document> documents) {
        return new EventIndexer.Outcome(Collections.nCopies(documents.size(), null));
    }

    @Test
    void batchesComeBackOldestFirstAndLeaveOnceWritten() {
        Spool spool = new Spool(dir, 1 << 20, json);
        spool.append(batch("a", 3));
        spool.append(batch("b", 2));
        List<String> written = new ArrayList<>();

        assertThat(spool.replayOldest(documents -> {
            documents.forEach(d -> written.add(d.id()));
            return stored(documents);
        })).isNotNull();
        spool.replayOldest(documents -> {
            documents.forEach(d -> written.add(d.id()));
            return stored(documents);
        });

        assertThat(written).containsExactly("a0", "a1", "a2", "b0", "b1");
        assertThat(spool.isEmpty()).isTrue();
        assertThat(spool.sizeBytes()).isZero();
        assertThat(spool.replayOldest(SpoolTest::stored)).isNull();
    }

    @Test
    void aBatchStaysWhenTheStoreIsStillAway() {
        Spool spool = new Spool(dir, 1 << 20, json);
        spool.append(batch("a", 2));
        assertThatThrownBy(() -> spool.replayOldest(documents -> {
            throw new StoreUnavailableException("down", null);
        })).isInstanceOf(StoreUnavailableException.class);
        assertThat(spool.batchCount()).isEqualTo(1);
    }

    @Test
    void aFullSpoolRefusesAndKeepsWhatItHas() {
        Spool spool = new Spool(dir, 600, json);
        spool.append(batch("a", 5));
        assertThatThrownBy(() -> spool.append(batch("b", 5))).isInstanceOf(Spool.SpoolFullException.class)
                .hasMessageContaining("while OpenSearch is unavailable");
        assertThat(spool.batchCount()).isEqualTo(1);
    }

    @Test
    void aRestartFindsTheSpooledBatchesAndDropsHalfWrittenOnes() throws IOException {
        new Spool(dir, 1 << 20, json).append(batch("a", 2));
        Files.writeString(dir.resolve("00000000000000000099.tmp"), "{\"index\":\"x\",\"id\":\"half");

        Spool reopened = new Spool(dir, 1 << 20, json);
        reopened.append(batch("b", 1));

        assertThat(reopened.batchCount()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("00000000000000000099.tmp"))).isFalse();
        List<String> order = new ArrayList<>();
        while (reopened.replayOldest(documents -> {
            documents.forEach(d -> order.add(d.id()));
            return stored(documents);
        }) != null) {
            // drain
        }
        assertThat(order).containsExactly("a0", "a1", "b0");
    }
}
