package io.vigil.search;

import java.util.List;

/** A field of the sidebar: in how many of the shown events it is, and its commonest values among them. */
public record FieldSummary(String name, int present, int of, List<ValueCount> top, boolean column) {

    /** Its top values over all results (the page sends its search along). */
    public String valuesUrl() {
        return SearchForm.valuesUrl(name);
    }
}
