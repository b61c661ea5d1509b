package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.search.SearchResults.Hit;

class ResultsTableTest {

    private final ObjectMapper json = new ObjectMapper();

    private List<Hit> hits(String... users) throws Exception {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < users.length; i++) {
            hits.add(new Hit("vigil-events-a-2026.11.22", "id" + i, Instant.EPOCH, "a", json.readTree(
                    "{\"user\":{\"name\":\"" + users[i] + "\"},\"event\":{\"original\":\"x\"}}")));
        }
        return hits;
    }

    @Test
    void theSidebarShowsTheThreeCommonestValuesMostFirstThenByValue() throws Exception {
        var form = SearchForm.of("eventName:X", "now-1h", "now", null);
        List<FieldSummary> fields = ResultsTable.fields(hits("carol", "bob", "alice", "bob", "dave", "carol", "bob",
                "erin"), form);

        FieldSummary user = fields.stream().filter(f -> f.name().equals("user.name")).findFirst().orElseThrow();
        assertThat(user.present()).isEqualTo(8);
        assertThat(user.top()).extracting(FieldSummary.ValueLink::value).containsExactly("bob", "carol", "alice");
        assertThat(user.top()).extracting(FieldSummary.ValueLink::count).containsExactly(3L, 2L, 1L);
        assertThat(user.top().get(0).filterUrl()).isEqualTo(form.refine("user.name", "bob", false))
                .contains("user.name%3A%22bob%22");
        // a default column, so the link removes it; the record as it came is never a sidebar field
        assertThat(user.column()).isTrue();
        assertThat(user.columnUrl()).contains("cols=").doesNotContain("user.name");
        assertThat(fields).extracting(FieldSummary::name).doesNotContain("event.original");
    }
}
