package io.vigil.search;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.access.VigilUser;
import io.vigil.index.query.Dsl;

/**
 * The sources a user may read events of (DESIGN.md §3), applied here and only here: every query the
 * search service sends carries {@link #filter()}. A user without a scope claim sees every source.
 */
public record SearchScope(Set<String> sources) {

    public static SearchScope of(VigilUser user) {
        return new SearchScope(user.sourceScope().orElse(null));
    }

    public static SearchScope everything() {
        return new SearchScope(null);
    }

    public boolean unrestricted() {
        return sources == null;
    }

    /** A filter on {@code vigil.source}; match-all when unrestricted, match-none when the scope is empty. */
    public ObjectNode filter() {
        if (sources == null) {
            return Dsl.matchAll();
        }
        if (sources.isEmpty()) {
            return Dsl.matchNone();
        }
        ObjectNode q = JsonNodeFactory.instance.objectNode();
        var terms = q.putObject("terms").putArray("vigil.source");
        List.copyOf(sources).stream().sorted().forEach(terms::add);
        return q;
    }
}
