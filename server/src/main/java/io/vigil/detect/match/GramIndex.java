package io.vigil.detect.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidates for "value contains text" atoms of one field. Each text is filed under one of its grams,
 * the one fewest other texts share: a hashed 8-gram for long texts (hash IOCs share every 4-gram with
 * random hex), else a 4-gram, the 3-gram of a three-character text, or a non-ASCII character of a
 * shorter one (emoji and homoglyph rules). Scanning an event value then costs a few hash probes per
 * character whatever the number of rules. A value containing the text contains every gram of it, so no
 * rule that can match is missed; the matcher weeds out the rest. Grams are of {@link Folding folded}
 * characters, sixteen bits each; a 4-gram fills the long key, shorter grams are tagged in the top bits.
 * A clash between keys of different kinds only adds candidates, it cannot lose one.
 */
final class GramIndex {

    private static final long LOW48 = 0xFFFF_FFFF_FFFFL;
    private static final long TAG3 = 0xFFFDL << 48;
    private static final long TAG1 = 0xFFFEL << 48;

    private final long[] keys;
    private final int[][] postings;
    private final int mask;
    private final boolean hasTrigrams;
    private final boolean hasUnigrams;
    private final boolean hasOctograms;

    private GramIndex(Map<Long, Set<Integer>> grams, Set<Long> octogram) {
        int capacity = Integer.highestOneBit(Math.max(4, grams.size() * 2 - 1)) << 1;
        keys = new long[capacity];
        postings = new int[capacity][];
        mask = capacity - 1;
        boolean trigrams = false;
        boolean unigrams = false;
        boolean octograms = false;
        for (var e : grams.entrySet()) {
            long key = e.getKey();
            int slot = hash(key) & mask;
            while (postings[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            postings[slot] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            trigrams |= (key & ~LOW48) == TAG3;
            unigrams |= (key & ~LOW48) == TAG1;
            octograms |= octogram.contains(key);
        }
        hasTrigrams = trigrams;
        hasUnigrams = unigrams;
        hasOctograms = octograms;
    }

    /** Marks, in the bit set, the ids filed under some gram of the (not yet folded) value. */
    void scan(String value, long[] marks) {
        long window = 0;
        long high = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = Folding.fold(value.charAt(i));
            high = (high << 16) | (window >>> 48);
            window = (window << 16) | c;
            if (i >= 7 && hasOctograms) {
                mark(octogram(high, window), marks);
            }
            if (i >= 3) {
                mark(window, marks);
            }
            if (i >= 2 && hasTrigrams) {
                mark((window & LOW48) | TAG3, marks);
            }
            if (c >= 128 && hasUnigrams) {
                mark(c | TAG1, marks);
            }
        }
    }

    private void mark(long key, long[] marks) {
        for (int slot = hash(key) & mask;; slot = (slot + 1) & mask) {
            int[] ids = postings[slot];
            if (ids == null) {
                return;
            }
            if (keys[slot] == key) {
                for (int id : ids) {
                    marks[id >>> 6] |= 1L << id;
                }
                return;
            }
        }
    }

    /** Eight characters hashed into one key; a clash only adds candidates. */
    private static long octogram(long high, long low) {
        return high * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(low, 31) ^ 0x5851F42D4C957F2DL;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Collects (text, id) pairs; texts are folded and {@link #indexable}. */
    static final class Builder {

        private record Entry(String text, int id) {
        }

        private final List<Entry> entries = new ArrayList<>();

        void add(String text, int id) {
            if (!indexable(text)) {
                throw new IllegalArgumentException("not an indexable text: " + text);
            }
            entries.add(new Entry(text, id));
        }

        GramIndex build() {
            Map<Long, Integer> frequency = new HashMap<>();
            for (Entry e : entries) {
                for (long gram : grams(e.text())) {
                    frequency.merge(gram, 1, Integer::sum);
                }
            }
            Map<Long, Set<Integer>> grams = new HashMap<>();
            Set<Long> octograms = new java.util.HashSet<>();
            for (Entry e : entries) {
                Long rarest = null;
                for (long gram : grams(e.text())) {
                    if (rarest == null || frequency.get(gram) < frequency.get(rarest)) {
                        rarest = gram;
                    }
                }
                grams.computeIfAbsent(rarest, g -> new LinkedHashSet<>()).add(e.id());
                if (e.text().length() >= 8) {
                    octograms.add(rarest);
                }
            }
            return new GramIndex(grams, octograms);
        }

        /**
         * The distinct 8-grams of a long text (hash IOCs share 4-grams with any hex string), else its
         * 4-grams, its 3-gram, or its non-ASCII characters when shorter.
         */
        private static Set<Long> grams(String text) {
            Set<Long> grams = new LinkedHashSet<>();
            long window = 0;
            long high = 0;
            for (int i = 0; i < text.length(); i++) {
                high = (high << 16) | (window >>> 48);
                window = (window << 16) | text.charAt(i);
                if (i >= 7) {
                    grams.add(octogram(high, window));
                } else if (i >= 3 && text.length() < 8) {
                    grams.add(window);
                }
            }
            if (text.length() == 3) {
                grams.add((window & LOW48) | TAG3);
            } else if (text.length() < 3) {
                text.chars().filter(c -> c >= 128).forEach(c -> grams.add(c | TAG1));
            }
            return grams;
        }
    }

    /**
     * Whether a folded rule text can be filed: three characters or more, or a shorter one with a non-ASCII
     * character; and no supplementary character with case, for which {@code regionMatches} folds whole
     * code points where {@link Folding} folds single chars (emoji, symbols and caseless scripts are safe).
     */
    static boolean indexable(String text) {
        boolean wide = false;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            if (Character.isSurrogate(text.charAt(i)) && cp == text.charAt(i)) {
                return false; // a lone surrogate
            }
            if (cp > 0xFFFF && (Character.toUpperCase(cp) != cp || Character.toLowerCase(cp) != cp
                    || Character.toTitleCase(cp) != cp)) {
                return false;
            }
            wide |= cp >= 128;
        }
        return text.length() >= RequiredAtoms.MIN_CONTAINS || wide && !text.isEmpty();
    }
}
