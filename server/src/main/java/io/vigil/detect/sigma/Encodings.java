package io.vigil.detect.sigma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Value transformations of the encoding and windash modifiers. UTF-16 output is carried as a string of
 * ISO-8859-1 characters, one per byte, so a following base64 encodes exactly those bytes.
 */
final class Encodings {

    static final String DASHES = "-/\u2013\u2014\u2015";
    /** Five dashes already give 3,125 permutations; more would bloat the rule, so it is refused. */
    static final int MAX_WINDASH = 5;

    private Encodings() {
    }

    static String utf16le(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1);
    }

    static String utf16be(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1);
    }

    static String utf16(String s) {
        return "\u00ff\u00fe" + utf16le(s);
    }

    static String base64(String s, boolean binary) {
        return Base64.getEncoder().encodeToString(bytes(s, binary));
    }

    /**
     * The three forms a value takes inside a longer base64 text, one per byte offset modulo 3, with the
     * characters that depend on neighbouring bytes cut off (as pySigma does).
     */
    static List<String> base64offset(String s, boolean binary) {
        byte[] value = bytes(s, binary);
        int[] start = {0, 2, 3};
        int[] endCut = {0, 3, 2};
        List<String> forms = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[i + value.length];
            java.util.Arrays.fill(shifted, 0, i, (byte) ' ');
            System.arraycopy(value, 0, shifted, i, value.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - endCut[(value.length + i) % 3];
            forms.add(start[i] < end ? encoded.substring(start[i], end) : "");
        }
        return forms;
    }

    private static byte[] bytes(String s, boolean binary) {
        return s.getBytes(binary ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * Every permutation of the dash characters at each flag position. Like pySigma (regex
     * {@code \B[-/]\b}), only a {@code -} or {@code /} that starts a word counts — not the one in
     * {@code x-y} or {@code 1/2} — so values keep their meaning. Null when too many.
     */
    static List<String> windash(String s) {
        List<String> results = List.of("");
        int dashes = 0;
        int literalFrom = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!isFlagDash(s, i)) {
                continue;
            }
            if (++dashes > MAX_WINDASH) {
                return null;
            }
            results = extend(results, s.substring(literalFrom, i), DASHES);
            literalFrom = i + 1;
        }
        return dashes == 0 ? List.of(s) : extend(results, s.substring(literalFrom), "");
    }

    private static boolean isFlagDash(String s, int i) {
        char c = s.charAt(i);
        return (c == '-' || c == '/') && (i == 0 || !isWord(s.charAt(i - 1))) && i + 1 < s.length()
                && isWord(s.charAt(i + 1));
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Each prefix, plus the literal, plus each of {@code choices} (or nothing when empty). */
    private static List<String> extend(List<String> prefixes, String literal, String choices) {
        List<String> next = new ArrayList<>(prefixes.size() * Math.max(1, choices.length()));
        for (String prefix : prefixes) {
            if (choices.isEmpty()) {
                next.add(prefix + literal);
            }
            for (int d = 0; d < choices.length(); d++) {
                next.add(prefix + literal + choices.charAt(d));
            }
        }
        return next;
    }
}
