package io.vigil.detect.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The rules of one logsource bucket with their candidate index. An event looks up each indexed field
 * once: its values' folded text in a hash map of equality keys, and through the field's
 * {@link GramIndex} for contains texts. The marked rules plus the always-check list are then run through
 * their {@link RuleMatcher}. Immutable and thread-safe; per event it allocates one small bit set.
 */
final class Dispatch {

    /** A rule as the index needs it; {@code atoms} null means it must always be checked. */
    record Rule(String key, RuleMatcher matcher, Set<Atom> atoms) {
    }

    /** One indexed field: equality keys to rule ids, and contains texts (either may be null). */
    private record FieldIndex(String field, Map<String, int[]> equals, GramIndex grams) {
    }

    /** How a bucket came out, for benchmarks and tuning. */
    record Shape(int rules, int alwaysChecked, int fields) {
    }

    private final String[] keys;
    private final RuleMatcher[] matchers;
    private final long[] always;
    private final FieldIndex[] fields;
    private final int alwaysCount;

    Dispatch(List<Rule> rules) {
        keys = rules.stream().map(Rule::key).toArray(String[]::new);
        matchers = rules.stream().map(Rule::matcher).toArray(RuleMatcher[]::new);
        always = new long[words(rules.size())];
        Map<String, Map<String, Set<Integer>>> equals = new LinkedHashMap<>();
        Map<String, GramIndex.Builder> contains = new LinkedHashMap<>();
        int unindexed = 0;
        for (int id = 0; id < rules.size(); id++) {
            Set<Atom> atoms = rules.get(id).atoms();
            if (atoms == null) {
                always[id >>> 6] |= 1L << id;
                unindexed++;
                continue;
            }
            for (Atom atom : atoms) {
                switch (atom) {
                    case Atom.Equals e -> equals.computeIfAbsent(e.field(), f -> new HashMap<>())
                            .computeIfAbsent(e.key(), k -> new LinkedHashSet<>()).add(id);
                    case Atom.Contains c -> contains.computeIfAbsent(c.field(), f -> new GramIndex.Builder())
                            .add(c.text(), id);
                }
            }
        }
        alwaysCount = unindexed;
        fields = fieldIndexes(equals, contains);
    }

    private static FieldIndex[] fieldIndexes(Map<String, Map<String, Set<Integer>>> equals,
            Map<String, GramIndex.Builder> contains) {
        Set<String> names = new LinkedHashSet<>(equals.keySet());
        names.addAll(contains.keySet());
        List<FieldIndex> indexes = new ArrayList<>();
        for (String name : names) {
            Map<String, int[]> keys = null;
            if (equals.containsKey(name)) {
                keys = new HashMap<>();
                for (var e : equals.get(name).entrySet()) {
                    keys.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
                }
            }
            GramIndex grams = contains.containsKey(name) ? contains.get(name).build() : null;
            indexes.add(new FieldIndex(name, keys, grams));
        }
        return indexes.toArray(FieldIndex[]::new);
    }

    void forEachMatch(EventFields event, Consumer<String> sink) {
        long[] marks = candidates(event);
        for (int w = 0; w < marks.length; w++) {
            for (long bits = marks[w]; bits != 0; bits &= bits - 1) {
                int id = (w << 6) + Long.numberOfTrailingZeros(bits);
                if (matchers[id].matches(event)) {
                    sink.accept(keys[id]);
                }
            }
        }
    }

    /** As {@link #forEachMatch}, timing each rule's check: for finding the rule that made an event slow. */
    void timeEach(EventFields event, RuleSet.Timing timing) {
        long[] marks = candidates(event);
        for (int w = 0; w < marks.length; w++) {
            for (long bits = marks[w]; bits != 0; bits &= bits - 1) {
                int id = (w << 6) + Long.numberOfTrailingZeros(bits);
                long start = System.nanoTime();
                boolean matched = matchers[id].matches(event);
                timing.rule(keys[id], matched, System.nanoTime() - start);
            }
        }
    }

    /** The rules worth checking, as a bit set over rule ids: the always-check list plus index hits. */
    long[] candidates(EventFields event) {
        long[] marks = always.clone();
        if (fields.length > 0) {
            Marker marker = new Marker(marks);
            for (FieldIndex index : fields) {
                marker.index = index;
                if (index.field().equals(Atom.ANY_STRING)) {
                    event.anyString(marker::test);
                } else {
                    event.anyValue(index.field(), marker);
                }
            }
        }
        return marks;
    }

    String key(int id) {
        return keys[id];
    }

    RuleMatcher matcher(int id) {
        return matchers[id];
    }

    Shape shape() {
        return new Shape(keys.length, alwaysCount, fields.length);
    }

    private static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    /** Visits every value of the current field, marking the rules its keys and grams point to. */
    private static final class Marker implements Predicate<Object> {

        private final long[] marks;
        private FieldIndex index;

        Marker(long[] marks) {
            this.marks = marks;
        }

        @Override
        public boolean test(Object value) {
            if (value == null) {
                return false;
            }
            String text = ValuePredicates.text(value);
            if (index.equals() != null) {
                mark(index.equals().get(Folding.fold(text)));
                if (value instanceof Number) {
                    String number = Folding.number(value);
                    if (number != null) {
                        mark(index.equals().get(number));
                    }
                }
            }
            if (index.grams() != null) {
                index.grams().scan(text, marks);
            }
            return false; // keep going: every value of the field may point to other rules
        }

        private void mark(int[] ids) {
            if (ids != null) {
                for (int id : ids) {
                    marks[id >>> 6] |= 1L << id;
                }
            }
        }
    }
}
