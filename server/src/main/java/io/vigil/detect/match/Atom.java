package io.vigil.detect.match;

/**
 * One way a rule can be satisfied, as the dispatch index sees it: a field with a value equal to a key, or
 * a field whose value contains a text. Keys and texts are {@link Folding folded}, so the test is
 * a superset of what the matcher accepts (the matcher still decides).
 */
sealed interface Atom {

    /** The pseudo-field of keyword searches: every string value of the event, wherever it is. */
    String ANY_STRING = "\u0000any string";

    String field();

    /** Some value of the field folds to {@code key} (for numbers: or has this canonical form). */
    record Equals(String field, String key) implements Atom {
    }

    /** Some value of the field, folded, contains {@code text} ({@link GramIndex#indexable}). */
    record Contains(String field, String text) implements Atom {
    }
}
