package io.vigil.detect.sigma;

import java.util.List;

/** One named search of a detection: a map (AND), a list of maps (OR), a field test or keywords. */
public sealed interface Search {

    record AllOf(List<Search> parts) implements Search {

        public AllOf {
            parts = List.copyOf(parts);
        }
    }

    record AnyOf(List<Search> parts) implements Search {

        public AnyOf {
            parts = List.copyOf(parts);
        }
    }

    /** {@code field|modifiers: values}, the values already compiled into one test. */
    record FieldTest(String field, List<String> modifiers, ValueTest test) implements Search {

        public FieldTest {
            modifiers = List.copyOf(modifiers);
        }
    }

    /** Field-less values: the test must hold for some string value anywhere in the event. */
    record Keywords(List<String> modifiers, ValueTest test) implements Search {

        public Keywords {
            modifiers = List.copyOf(modifiers);
        }
    }
}
