package io.vigil.search;

import io.vigil.search.pipe.Pipe;
import io.vigil.search.pipe.PipeParser;

/**
 * A search ready to run: its text split into query and pipes, the resolved range, the checked query,
 * and the pipe after it (null when the search lists events).
 */
public record PreparedSearch(SearchText text, TimeRange range, QueryCheck.Checked checked, Pipe pipe) {

    /** Reads the pipe from the text; a bad pipe is a {@link SearchProblem} naming its place. */
    public PreparedSearch(SearchText text, TimeRange range, QueryCheck.Checked checked) {
        this(text, range, checked, PipeParser.parse(text.pipes(), range).orElse(null));
    }
}
