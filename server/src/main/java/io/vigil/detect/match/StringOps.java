package io.vigil.detect.match;

import io.vigil.detect.sigma.ValueTest.StringOp;

/** Plain string comparisons, case-insensitive without allocating lower-case copies. */
final class StringOps {

    private StringOps() {
    }

    static boolean matches(StringOp op, String value, String text, boolean cased) {
        boolean ignore = !cased;
        return switch (op) {
            case EQUALS -> value.length() == text.length() && value.regionMatches(ignore, 0, text, 0, text.length());
            case STARTS_WITH -> value.regionMatches(ignore, 0, text, 0, text.length());
            case ENDS_WITH -> value.regionMatches(ignore, value.length() - text.length(), text, 0, text.length());
            case CONTAINS -> contains(value, text, ignore);
        };
    }

    private static boolean contains(String value, String text, boolean ignore) {
        if (!ignore) {
            return value.contains(text);
        }
        int last = value.length() - text.length();
        if (text.isEmpty()) {
            return true;
        }
        // a cheap first-character filter with regionMatches' own equivalence (the Kelvin sign is a k),
        // then the full case-insensitive comparison
        char first = Folding.fold(text.charAt(0));
        for (int i = 0; i <= last; i++) {
            if (Folding.fold(value.charAt(i)) == first && value.regionMatches(true, i, text, 0, text.length())) {
                return true;
            }
        }
        return false;
    }
}
