package io.vigil.search.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vigil.search.SearchProblem;
import io.vigil.search.SearchText;

/**
 * The words and punctuation of one pipe, read left to right. Every token keeps its absolute position in
 * the whole search text, so a problem points at the column the user sees in the search bar.
 */
final class PipeTokens {

    /** A word ({@code stats}, {@code user.name}, {@code 5m}) or one of {@code ( ) , =}. */
    record Token(String text, int position) {

        boolean is(String expected) {
            return text.equalsIgnoreCase(expected);
        }

        boolean word() {
            return wordChar(text.charAt(0));
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private static final String PUNCTUATION = "(),=";

    private final List<Token> tokens;
    private final int end;
    private int next;

    private PipeTokens(List<Token> tokens, int end) {
        this.tokens = tokens;
        this.end = end;
    }

    static PipeTokens of(SearchText.Part part) {
        String text = part.text();
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (PUNCTUATION.indexOf(c) >= 0) {
                i++;
            } else if (wordChar(c)) {
                while (i < text.length() && wordChar(text.charAt(i))) {
                    i++;
                }
            } else {
                throw problem("unexpected character '" + c + "'", part.offset() + i);
            }
            tokens.add(new Token(text.substring(start, i), part.offset() + start));
        }
        int end = tokens.isEmpty() ? part.offset() : tokens.getLast().position() + tokens.getLast().text().length();
        return new PipeTokens(tokens, end);
    }

    /** A problem in the pipe: {@code pipe: <what> at column <position + 1>}. */
    static SearchProblem problem(String what, int position) {
        return new SearchProblem("pipe: " + what + " at column " + (position + 1), position);
    }

    /** As {@link #problem(String, int)}, followed by what would be accepted. */
    static SearchProblem problem(String what, int position, String hint) {
        return new SearchProblem("pipe: " + what + " at column " + (position + 1) + "; " + hint, position);
    }

    boolean atEnd() {
        return next == tokens.size();
    }

    /** The next token, or null at the end. */
    Token peek() {
        return atEnd() ? null : tokens.get(next);
    }

    boolean peekIs(String expected) {
        return !atEnd() && tokens.get(next).is(expected);
    }

    boolean peekWord() {
        return !atEnd() && tokens.get(next).word();
    }

    Token take() {
        return tokens.get(next++);
    }

    /** Takes the next token if it is {@code expected} (ignoring case). */
    boolean takeIf(String expected) {
        if (peekIs(expected)) {
            next++;
            return true;
        }
        return false;
    }

    /** Where the next token starts, or just after the last one: where something missing belongs. */
    int here() {
        return atEnd() ? end : tokens.get(next).position();
    }

    void expectEnd() {
        if (!atEnd()) {
            Token extra = peek();
            throw problem("unexpected '" + extra.text() + "'", extra.position());
        }
    }

    private static boolean wordChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '@'
                || c == '.' || c == '-';
    }
}
