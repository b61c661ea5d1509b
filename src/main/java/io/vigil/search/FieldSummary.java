package io.vigil.search;

import java.util.List;

/**
 * A field of the sidebar: in how many of the shown events it is, its commonest values among them with
 * their filter links, and the link that adds or removes it as a column. The links are made in Java
 * with the page's {@link SearchForm.Links}: a page holds a few hundred, and a template expression per
 * link cost more than the search.
 */
public record FieldSummary(String name, int present, int of, List<ValueLink> top, boolean column,
        String columnUrl) {

    /** A value shown in the sidebar, how many shown events hold it, and the search filtered for it. */
    public record ValueLink(String value, long count, String filterUrl) {

        public String label() {
            return ValueCount.label(value);
        }
    }

    /** Its top values over all results (the page sends its search along). */
    public String valuesUrl() {
        return SearchForm.valuesUrl(name);
    }
}
