package io.vigil.detect.match;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dotted field name cut at its dots once, for {@link JsonEventFields}: every event looks up the same
 * few hundred names of the rule set, and cutting them anew (a substring per dot and level) was most of
 * the allocation of matching. Part {@code i} starts after the {@code i}-th dot; {@link #rest} is the
 * name from a part on, {@link #segment} the parts between two cuts, both as strings made once.
 */
final class FieldPath {

    /** Names come from the rules, so the cache is bounded by the rule set; the bound only guards misuse. */
    private static final int MAX_CACHED = 20_000;
    private static final Map<String, FieldPath> CACHE = new ConcurrentHashMap<>();

    private final String[] rests;
    private final String[][] segments;

    private FieldPath(String name) {
        int parts = 1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                parts++;
            }
        }
        int[] starts = new int[parts + 1];
        for (int i = 0, part = 1; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                starts[part++] = i + 1;
            }
        }
        starts[parts] = name.length() + 1;
        rests = new String[parts];
        segments = new String[parts][parts];
        for (int from = 0; from < parts; from++) {
            rests[from] = name.substring(starts[from]);
            for (int to = from + 1; to < parts; to++) {
                segments[from][to] = name.substring(starts[from], starts[to] - 1);
            }
        }
    }

    static FieldPath of(String name) {
        FieldPath path = CACHE.get(name);
        if (path == null) {
            path = new FieldPath(name);
            if (CACHE.size() < MAX_CACHED) {
                CACHE.put(name, path);
            }
        }
        return path;
    }

    /** How many parts the dots cut the name into. */
    int parts() {
        return rests.length;
    }

    /** The name from part {@code from} to its end, dots included. */
    String rest(int from) {
        return rests[from];
    }

    /** Parts {@code from} up to (not including) {@code to}, joined by their dots. */
    String segment(int from, int to) {
        return segments[from][to];
    }
}
