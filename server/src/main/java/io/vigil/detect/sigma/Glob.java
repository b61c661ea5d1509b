package io.vigil.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Sigma string value split into literal text and the wildcards {@code *} and {@code ?}. A backslash
 * escapes a wildcard or a backslash; before any other character it is a literal backslash, so Windows
 * paths need no doubling.
 */
record Glob(List<Piece> pieces) {

    sealed interface Piece {
    }

    record Literal(String text) implements Piece {
    }

    record AnyChars() implements Piece {
    }

    record OneChar() implements Piece {
    }

    static final Piece STAR = new AnyChars();
    static final Piece ONE = new OneChar();

    Glob {
        pieces = List.copyOf(pieces);
    }

    static Glob literal(String text) {
        return new Glob(text.isEmpty() ? List.of() : List.of(new Literal(text)));
    }

    static Glob parse(String value) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
            if (c == '\\' && (next == '*' || next == '?' || next == '\\')) {
                literal.append(next);
                i++;
            } else if (c == '*' || c == '?') {
                flush(literal, pieces);
                pieces.add(c == '*' ? STAR : ONE);
            } else {
                literal.append(c);
            }
        }
        flush(literal, pieces);
        return new Glob(pieces);
    }

    private static void flush(StringBuilder literal, List<Piece> pieces) {
        if (!literal.isEmpty()) {
            pieces.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    boolean hasWildcards() {
        return pieces.stream().anyMatch(p -> !(p instanceof Literal));
    }

    /** The literal text, for values without wildcards. */
    String text() {
        StringBuilder sb = new StringBuilder();
        pieces.forEach(p -> sb.append(p instanceof Literal l ? l.text() : ""));
        return sb.toString();
    }

    Glob prepend(Piece piece) {
        List<Piece> list = new ArrayList<>(pieces);
        list.add(0, piece);
        return new Glob(list);
    }

    Glob append(Piece piece) {
        List<Piece> list = new ArrayList<>(pieces);
        list.add(piece);
        return new Glob(list);
    }

    /** Applies a text transformation to the literal parts only (wildcards stay wildcards). */
    Glob mapLiterals(UnaryOperator<String> f) {
        return new Glob(
                pieces.stream().map(p -> p instanceof Literal l ? (Piece) new Literal(f.apply(l.text())) : p).toList());
    }

    /** The glob as a whole-value RE2 pattern source. */
    String toRegex() {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            switch (p) {
                case Literal l -> sb.append(com.google.re2j.Pattern.quote(l.text()));
                case AnyChars a -> sb.append(".*");
                case OneChar o -> sb.append('.');
            }
        }
        return sb.toString();
    }

    /** Whether the whole text matches this glob, case-sensitively (used for search names in conditions). */
    boolean toRegexMatches(String text) {
        return com.google.re2j.Pattern.compile("(?s)" + toRegex()).matches(text);
    }
}
