package io.vigil.detect.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites an RE2 pattern (searched anywhere in the value, as the matcher does) into a Lucene
 * {@code regexp} (which must match the whole term). Only constructs with the same language in both are
 * translated; everything else — word boundaries, Unicode classes, POSIX classes, inline flag groups,
 * multi-line anchors, anchors inside alternations — is refused so a query never selects other events
 * than the matcher.
 *
 * <p>
 * Literal characters are always backslash-escaped unless alphanumeric, because Lucene gives special
 * meaning to characters RE2 treats as literals ({@code " < > # @ & ~}).
 */
final class LuceneRegex {

    /** The Lucene pattern and whether it must run case-insensitively. */
    record Result(String pattern, boolean caseInsensitive) {
    }

    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(,(\\d*))?\\}");
    private static final Pattern LEADING_FLAGS = Pattern.compile("^\\(\\?([imsU]+)\\)");
    private static final String SPACE = "\t\n\f\r ";

    private final String src;
    private final boolean dotAll;
    private int pos;

    private LuceneRegex(String src, boolean dotAll, int start) {
        this.src = src;
        this.dotAll = dotAll;
        this.pos = start;
    }

    /** @param flags RE2 {@code Pattern.flags()} from the {@code re|i|m|s} modifiers */
    static Result translate(String source, int flags) {
        boolean ci = (flags & com.google.re2j.Pattern.CASE_INSENSITIVE) != 0;
        boolean dotAll = (flags & com.google.re2j.Pattern.DOTALL) != 0;
        boolean multiLine = (flags & com.google.re2j.Pattern.MULTILINE) != 0;
        int start = 0;
        Matcher m = LEADING_FLAGS.matcher(source);
        if (m.find()) {
            ci |= m.group(1).contains("i");
            dotAll |= m.group(1).contains("s");
            multiLine |= m.group(1).contains("m");
            if (m.group(1).contains("U")) {
                throw refuse("re:flag-U", "ungreedy flag (?U)");
            }
            start = m.end();
        }
        boolean anchoredStart = source.startsWith("^", start) || source.startsWith("\\A", start);
        if (anchoredStart) {
            start += source.charAt(start) == '^' ? 1 : 2;
        }
        int end = source.length();
        boolean anchoredEnd = endsWithAnchor(source, start);
        if (anchoredEnd) {
            end -= source.endsWith("\\z") ? 2 : 1;
        }
        if ((anchoredStart || anchoredEnd) && multiLine) {
            throw refuse("re:multiline-anchor", "^ or $ under the m flag match at line ends");
        }
        var t = new LuceneRegex(source.substring(0, end), dotAll, start);
        String body = t.sequence(0);
        if ((anchoredStart || anchoredEnd) && t.topLevelAlternation) {
            throw refuse("re:anchored-alternation", "an anchor next to a top-level | binds only one branch");
        }
        return new Result((anchoredStart ? "" : ".*") + "(" + body + ")" + (anchoredEnd ? "" : ".*"), ci);
    }

    private static boolean endsWithAnchor(String s, int start) {
        if (s.endsWith("\\z")) {
            return true;
        }
        if (!s.endsWith("$") || s.length() - 1 < start) {
            return false;
        }
        int backslashes = 0;
        for (int i = s.length() - 2; i >= 0 && s.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }

    private boolean topLevelAlternation;

    /** Translates until the end or an unmatched {@code )}. */
    private String sequence(int depth) {
        StringBuilder out = new StringBuilder();
        int branch = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            switch (c) {
                case ')' -> {
                    if (depth == 0) {
                        throw refuse("re:syntax", "unbalanced )");
                    }
                    return emptyBranch(out, branch).toString();
                }
                case '(' -> out.append(group(depth));
                case '|' -> {
                    topLevelAlternation |= depth == 0;
                    emptyBranch(out, branch).append('|');
                    branch = out.length();
                    pos++;
                }
                case '*', '+', '?' -> {
                    out.append(c);
                    pos++;
                    skipLazy();
                }
                case '{' -> out.append(repeat());
                case '[' -> out.append(new CharClass(src, pos).translate(this));
                case '.' -> {
                    out.append(dotAll ? "." : "[^\n]");
                    pos++;
                }
                case '^', '$' -> throw refuse("re:inner-anchor", "anchor " + c + " not at the pattern's ends");
                case '\\' -> out.append(escape());
                default -> {
                    out.append(literal(src.codePointAt(pos)));
                    pos += Character.charCount(src.codePointAt(pos));
                }
            }
        }
        return emptyBranch(out, branch).toString();
    }

    /** RE2 allows an empty alternative ({@code (a|)}); Lucene needs it spelled as {@code ()}. */
    private static StringBuilder emptyBranch(StringBuilder out, int branch) {
        if (out.length() == branch) {
            out.append("()");
        }
        return out;
    }

    private String group(int depth) {
        pos++;
        if (src.startsWith("?:", pos)) {
            pos += 2;
        } else if (src.startsWith("?P<", pos) || src.startsWith("?<", pos)) {
            int close = src.indexOf('>', pos);
            if (close < 0) {
                throw refuse("re:syntax", "unterminated group name");
            }
            pos = close + 1;
        } else if (src.startsWith("?", pos)) {
            throw refuse("re:inline-flags", "inline flag group (?" + src.charAt(pos + 1) + "...)");
        }
        String inner = sequence(depth + 1);
        if (pos >= src.length()) {
            throw refuse("re:syntax", "unbalanced (");
        }
        pos++;
        return "(" + inner + ")";
    }

    private String repeat() {
        Matcher m = REPEAT.matcher(src);
        if (m.find(pos) && m.start() == pos) {
            pos = m.end();
            skipLazy();
            return m.group();
        }
        pos++;
        return "\\{";
    }

    /** A lazy quantifier accepts the same strings as a greedy one; for a yes/no search only that counts. */
    private void skipLazy() {
        if (pos < src.length() && src.charAt(pos) == '?') {
            pos++;
        }
    }

    private String escape() {
        if (pos + 1 >= src.length()) {
            throw refuse("re:syntax", "trailing backslash");
        }
        char e = src.charAt(pos + 1);
        String shorthand = shorthand(e, false);
        if (shorthand != null) {
            pos += 2;
            return shorthand;
        }
        int cp = escapedChar(src, pos);
        pos = escapeEnd;
        return literal(cp);
    }

    /** {@code \d \w \s} and their negations as Lucene classes; inside a class only the positive ones. */
    static String shorthand(char e, boolean inClass) {
        String body = switch (Character.toLowerCase(e)) {
            case 'd' -> "0-9";
            case 'w' -> "0-9A-Za-z_";
            case 's' -> SPACE;
            default -> null;
        };
        if (body == null) {
            return null;
        }
        boolean negated = Character.isUpperCase(e);
        if (inClass) {
            if (negated) {
                throw refuse("re:negated-class-in-class", "\\" + e + " inside [...]");
            }
            return body;
        }
        return (negated ? "[^" : "[") + body + "]";
    }

    private int escapeEnd;

    /** The code point of the escape at {@code at} (a backslash); sets {@link #escapeEnd}. */
    int escapedChar(String s, int at) {
        char e = s.charAt(at + 1);
        escapeEnd = at + 2;
        switch (e) {
            case 't' :
                return '\t';
            case 'n' :
                return '\n';
            case 'r' :
                return '\r';
            case 'f' :
                return '\f';
            case 'v' :
                return 0x0B;
            case 'a' :
                return 0x07;
            case 'x' :
                return hex(s, at + 2);
            default :
                if (Character.isLetterOrDigit(e)) {
                    throw refuse("re:escape-" + e, "\\" + e + " has no exact Lucene equivalent");
                }
                return e;
        }
    }

    private int hex(String s, int from) {
        int end;
        String digits;
        if (from < s.length() && s.charAt(from) == '{') {
            end = s.indexOf('}', from);
            if (end < 0) {
                throw refuse("re:syntax", "unterminated \\x{");
            }
            digits = s.substring(from + 1, end);
            end++;
        } else {
            end = Math.min(from + 2, s.length());
            digits = s.substring(from, end);
        }
        escapeEnd = end;
        try {
            return Integer.parseInt(digits, 16);
        } catch (NumberFormatException e) {
            throw refuse("re:syntax", "bad \\x escape");
        }
    }

    /** A character matched literally: escaped unless alphanumeric, raw when a control character. */
    static String literal(int cp) {
        String s = new String(Character.toChars(cp));
        if (Character.isLetterOrDigit(cp) || cp < 0x20 || cp > 0x7e) {
            return s;
        }
        return "\\" + s;
    }

    int escapeEndFor() {
        return escapeEnd;
    }

    void moveTo(int position) {
        pos = position;
    }

    static QueryTranslationException refuse(String feature, String message) {
        return new QueryTranslationException(feature, "regular expression: " + message);
    }
}
