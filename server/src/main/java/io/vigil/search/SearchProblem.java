package io.vigil.search;

/**
 * A search that cannot run as written: what is wrong and, where known, the position (0-based character
 * offset in the search text, -1 when the problem is not in the text).
 */
public class SearchProblem extends RuntimeException {

    private final int position;

    public SearchProblem(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
