package io.vigil.detect.query;

/** One RE2 bracket expression rewritten for Lucene: ranges and escapes kept, POSIX and Unicode classes refused. */
final class CharClass {

    private final String src;
    private final int start;

    CharClass(String src, int start) {
        this.src = src;
        this.start = start;
    }

    /** Translates {@code [...]} at {@code start} and moves the owner past it. */
    String translate(LuceneRegex owner) {
        int i = start + 1;
        StringBuilder out = new StringBuilder("[");
        if (i < src.length() && src.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        boolean first = true;
        while (i < src.length() && (src.charAt(i) != ']' || first)) {
            first = false;
            char c = src.charAt(i);
            if (c == '[' && i + 1 < src.length() && src.charAt(i + 1) == ':') {
                throw LuceneRegex.refuse("re:posix-class", "POSIX class [:...:]");
            }
            if (c == '\\') {
                if (i + 1 >= src.length()) {
                    throw LuceneRegex.refuse("re:syntax", "trailing backslash");
                }
                String shorthand = LuceneRegex.shorthand(src.charAt(i + 1), true);
                if (shorthand != null) {
                    out.append(shorthand);
                    i += 2;
                    continue;
                }
                int cp = owner.escapedChar(src, i);
                i = owner.escapeEndFor();
                out.append(classChar(cp));
            } else if (c == '-' && out.length() > 1 && i + 1 < src.length() && src.charAt(i + 1) != ']') {
                out.append('-');
                i++;
            } else {
                int cp = src.codePointAt(i);
                out.append(classChar(cp));
                i += Character.charCount(cp);
            }
        }
        if (i >= src.length()) {
            throw LuceneRegex.refuse("re:syntax", "unterminated [");
        }
        owner.moveTo(i + 1);
        return out.append(']').toString();
    }

    private static String classChar(int cp) {
        String s = new String(Character.toChars(cp));
        return Character.isLetterOrDigit(cp) || cp < 0x20 || cp > 0x7e ? s : "\\" + s;
    }
}
