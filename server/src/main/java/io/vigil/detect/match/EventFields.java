package io.vigil.detect.match;

import java.util.function.Predicate;

/**
 * Read access to one event's fields for rule matching. Values handed to predicates are {@code String},
 * {@code Number}, {@code Boolean} or {@code null} (a present field holding null); an array field gives
 * each element. Absent and null are different: an absent field has no values at all.
 */
public interface EventFields {

    /** Whether the field is present, even with a null value. */
    boolean has(String field);

    /** Whether some value of the field satisfies the test; false for an absent field. */
    boolean anyValue(String field, Predicate<Object> test);

    /** Whether some string value anywhere in the event satisfies the test (keyword search). */
    boolean anyString(Predicate<String> test);
}
