package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.search.SearchResults.Hit;

class ResultsTableTest {

    private final ObjectMapper json = new ObjectMapper();

    private Hit hit(int i, String document) throws Exception {
        return new Hit("vigil-events-a-2026.11.22", "id" + i, Instant.EPOCH, "a", json.readTree(document));
    }

    @Test
    void theSidebarCountsInHowManyShownEventsEachFieldIsColumnsFirst() throws Exception {
        var form = SearchForm.of("eventName:X", "now-1h", "now", null);
        List<FieldSummary> fields = ResultsTable.fields(List.of(
                hit(0, "{\"user\":{\"name\":\"bob\"},\"tags\":[\"a\",\"b\"],\"event\":{\"original\":\"x\"}}"),
                hit(1, "{\"user\":{\"name\":\"carol\"},\"zone\":null,\"event\":{\"original\":\"y\"}}"),
                hit(2, "{\"user.name\":\"dave\",\"tags\":[]}")), form);

        assertThat(fields).extracting(FieldSummary::name).containsExactly("user.name", "tags");
        FieldSummary user = fields.getFirst();
        assertThat(user.present()).isEqualTo(3);
        assertThat(user.of()).isEqualTo(3);
        assertThat(fields.get(1).present()).as("an array is one field, empty or not").isEqualTo(2);
        // a default column, so the link removes it; the record as it came is never a sidebar field
        assertThat(user.column()).isTrue();
        assertThat(user.columnUrl()).isEqualTo(form.toggleColumn("user.name")).contains("q=eventName%3AX")
                .contains("cols=").doesNotContain("user.name");
        assertThat(fields.get(1).columnUrl()).contains("cols=vigil.source%2Cevent.action%2Cuser.name%2Csource.ip"
                + "%2Chost.name%2Cmessage%2Ctags");
        assertThat(fields.get(1).valuesUrl()).isEqualTo("/search/values?field=tags");
    }
}
