package io.vigil.search;

/** A problem with a search as the page shows it: the message, and the text split around the place it names. */
public record ProblemView(String message, String before, String at, String after) {

    public static ProblemView of(String message, String text, int position) {
        if (position < 0 || position > text.length()) {
            return new ProblemView(message, null, null, null);
        }
        int end = Math.min(text.length(), position + 1);
        return new ProblemView(message, text.substring(0, position), text.substring(position, end),
                text.substring(end));
    }

    public boolean placed() {
        return at != null;
    }
}
