package io.vigil.search;

import java.util.List;

/** One event's row of the results table: where it is stored (for the panel) and its cells in column order. */
public record ResultRow(String index, String id, String time, String isoTime, List<String> cells) {

    /** Its event panel (the page sends its search along). */
    public String eventUrl() {
        return SearchForm.eventUrl(index, id);
    }
}
