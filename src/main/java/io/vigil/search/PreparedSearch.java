package io.vigil.search;

/** A search ready to run: its text split into query and pipes, the resolved range, the checked query. */
public record PreparedSearch(SearchText text, TimeRange range, QueryCheck.Checked checked) {
}
