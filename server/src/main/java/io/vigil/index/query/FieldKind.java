package io.vigil.index.query;

/** How a field is indexed, which decides the query that reproduces the matcher's comparison. */
public enum FieldKind {
    /** {@code keyword}: whole value as one term, so term/wildcard/regexp compare the entire string. */
    KEYWORD,
    /** {@code text} (e.g. {@code message}): analyzed, so no exact string comparison is possible. */
    TEXT,
    /** {@code long}, {@code integer}, {@code double}...: only numeric equality and ranges. */
    NUMBER,
    BOOLEAN,
    DATE,
    /** {@code ip}: equality and CIDR terms. */
    IP,
    /** The root of a {@code flat_object}: queries on it look at every leaf value below it. */
    FLAT_OBJECT,
    /** A path below a {@code flat_object} root: leaves are indexed as keyword strings. */
    FLAT_OBJECT_LEAF,
    /** A mapped object with sub-fields: the matcher tests its JSON text, which is not indexed. */
    OBJECT,
    /** Stored but not searchable ({@code index: false}, e.g. {@code event.original}). */
    NOT_INDEXED,
    /** Not in the mapping: no document has it, so every value test selects nothing. */
    UNMAPPED
}
