package io.vigil.search;

import java.time.Instant;

/** A saved search as pages and the API show it, with the link that opens it. */
public record SavedSearchView(String id, String name, String query, String from, String to, String columns,
        boolean shared, String ownerName, boolean mine, Instant updatedAt, String url) {

    static SavedSearchView of(SavedSearch s, String user) {
        var form = SearchForm.of(s.query, s.rangeFrom, s.rangeTo, s.columns);
        return new SavedSearchView(s.id.toString(), s.name, s.query, s.rangeFrom, s.rangeTo, s.columns, s.shared,
                s.ownerName, s.owner.equals(user), s.updatedAt, form.url());
    }
}
