package io.vigil.detect.sigma;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The {@code detection} section: named searches and the condition over them (names already resolved). */
public record Detection(Map<String, Search> searches, Condition condition) {

    public Detection {
        searches = Map.copyOf(searches);
    }

    /**
     * Every field a search tests, {@code fieldref} targets included — what a dispatcher needs to skip
     * rules whose fields an event does not carry (keeping in mind that {@code null}, {@code neq} and
     * {@code exists: false} can match an absent field).
     */
    public Set<String> fields() {
        Set<String> fields = new TreeSet<>();
        searches.values().forEach(s -> collect(s, fields));
        return fields;
    }

    /** Whether some search is a keyword search, which looks at every string of the event. */
    public boolean hasKeywords() {
        return searches.values().stream().anyMatch(Detection::keywords);
    }

    private static boolean keywords(Search s) {
        return switch (s) {
            case Search.Keywords k -> true;
            case Search.AllOf all -> all.parts().stream().anyMatch(Detection::keywords);
            case Search.AnyOf any -> any.parts().stream().anyMatch(Detection::keywords);
            case Search.FieldTest f -> false;
        };
    }

    private static void collect(Search s, Set<String> fields) {
        switch (s) {
            case Search.AllOf all -> all.parts().forEach(p -> collect(p, fields));
            case Search.AnyOf any -> any.parts().forEach(p -> collect(p, fields));
            case Search.FieldTest f -> {
                fields.add(f.field());
                if (f.test() instanceof ValueTest.FieldRef ref) {
                    fields.add(ref.otherField());
                } else if (f.test() instanceof ValueTest.Not(ValueTest.FieldRef ref)) {
                    fields.add(ref.otherField());
                }
            }
            case Search.Keywords k -> {
                // no field
            }
        }
    }
}
