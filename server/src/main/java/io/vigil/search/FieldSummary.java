package io.vigil.search;

/**
 * A field of the sidebar: in how many of the shown events it is, and the link that adds or removes it
 * as a column. Its top values are counted over all results when the analyst opens it
 * ({@link #valuesUrl}), not for every field of every page: a page of CloudTrail events holds about
 * seventy fields, and their values' filter links were most of the page's weight and of its rendering.
 */
public record FieldSummary(String name, int present, int of, boolean column, String columnUrl) {

    /** Its top values over all results (the page sends its search along). */
    public String valuesUrl() {
        return SearchForm.valuesUrl(name);
    }
}
