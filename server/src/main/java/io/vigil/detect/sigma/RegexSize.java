package io.vigil.detect.sigma;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Estimates how many atoms a regular expression expands to once counted repetitions are unrolled, as
 * RE2 does when it compiles. RE2 matches in time linear in the input but also proportional to the
 * program size, and {@code (a{1000}){1000}} is a million instructions: such rules would stall ingest,
 * so they are refused before RE2 compiles them.
 */
final class RegexSize {

    static final long MAX_ATOMS = 50_000;

    private RegexSize() {
    }

    static long estimate(String regex) {
        Deque<long[]> groups = new ArrayDeque<>();
        groups.push(new long[]{0, 0}); // {total so far, size of the last atom}
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            long[] top = groups.peek();
            if (c == '\\') {
                i = atom(top, 1, i + 2);
            } else if (c == '[') {
                i = atom(top, 1, classEnd(regex, i));
            } else if (c == '(') {
                groups.push(new long[]{0, 0});
                i++;
            } else if (c == ')' && groups.size() > 1) {
                long size = groups.pop()[0];
                i = atom(groups.peek(), size, i + 1);
            } else if (c == '{' && counted(regex, i) > 0) {
                long times = counted(regex, i);
                top[0] += top[1] * (times - 1);
                top[1] *= times;
                i = regex.indexOf('}', i) + 1;
            } else {
                i = atom(top, 1, i + 1);
            }
            if (groups.peek()[0] > MAX_ATOMS) {
                return groups.peek()[0];
            }
        }
        return groups.peek()[0];
    }

    private static int atom(long[] group, long size, int next) {
        group[0] += size;
        group[1] = size;
        return next;
    }

    private static int classEnd(String regex, int start) {
        int i = start + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length() && regex.charAt(i) != ']') {
            i += regex.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** The largest count of a {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}, or 0 if none. */
    private static long counted(String regex, int i) {
        int end = regex.indexOf('}', i);
        if (end < 0 || !regex.substring(i + 1, end).matches("\\d{1,6}(,\\d{0,6})?")) {
            return 0;
        }
        String[] parts = regex.substring(i + 1, end).split(",", -1);
        long max = Long.parseLong(parts[0]);
        if (parts.length == 2 && !parts[1].isEmpty()) {
            max = Math.max(max, Long.parseLong(parts[1]));
        }
        return Math.max(max, 1);
    }
}
