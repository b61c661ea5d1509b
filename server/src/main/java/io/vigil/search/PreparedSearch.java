package io.vigil.search;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.search.pipe.Pipe;
import io.vigil.search.pipe.PipeParser;

/**
 * A search ready to run: its text split into query and pipes, the resolved range, the checked query,
 * the pipe after it (null when the search lists events), and the filter of the saved rule the text
 * names with {@code vigil.rule:} (null when none).
 */
public record PreparedSearch(SearchText text, TimeRange range, QueryCheck.Checked checked, Pipe pipe,
        ObjectNode ruleFilter) {

    /** Reads the pipe from the text; a bad pipe is a {@link SearchProblem} naming its place. */
    public PreparedSearch(SearchText text, TimeRange range, QueryCheck.Checked checked, ObjectNode ruleFilter) {
        this(text, range, checked, PipeParser.parse(text.pipes(), range).orElse(null), ruleFilter);
    }

    /** The same search over another range (the pipe is not run there). */
    PreparedSearch over(TimeRange other) {
        return new PreparedSearch(text, other, checked, null, ruleFilter);
    }
}
