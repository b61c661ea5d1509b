package io.vigil.detect.match;

import java.math.BigDecimal;

/**
 * Case folding shared by both sides of the dispatch index. Rule texts are indexed only when they are
 * ASCII; an event character is folded as {@code toLowerCase(toUpperCase(c))}, the equivalence that
 * {@code String.regionMatches(true, …)} and {@code equalsIgnoreCase} use, so every event value the
 * matcher would call equal to (or containing) a rule text folds to the rule text's folding — even
 * {@code 'ſ'} for {@code s} or the Kelvin sign for {@code k}. Folding may only merge, never split.
 */
final class Folding {

    private Folding() {
    }

    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    static String fold(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (fold(c) != c) {
                return foldFrom(s, i);
            }
        }
        return s;
    }

    private static String foldFrom(String s, int from) {
        char[] chars = s.toCharArray();
        for (int i = from; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * A number as the matcher compares it numerically ({@code NumberEquals}): {@code 4624}, {@code 4624.0}
     * and {@code 4.624E3} give the same key. Null when the value is not a finite decimal.
     */
    static String number(Object v) {
        try {
            BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
