package io.vigil.access;

import java.util.Set;

/**
 * Which sources make up the named data scopes a user holds. A scope is a named set of sources: each
 * source names the one scope it belongs to (DESIGN.md §3), kept by the feature that owns sources,
 * which answers.
 */
public interface ScopeSources {

    /** The names of the sources that belong to any of these scopes. */
    Set<String> sourcesIn(Set<String> scopes);
}
