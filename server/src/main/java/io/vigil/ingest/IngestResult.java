package io.vigil.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to one ingest request: how many items were accepted (stored) and rejected, and why
 * each rejection happened, by line. At most {@link #MAX_LISTED} rejections are listed.
 * {@code outsideRetention} counts accepted events older than the source keeps events: they are stored,
 * and the next retention run deletes them; {@code notice} says so in words (absent when there are none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResult(int accepted, int rejected, List<Rejection> rejections, boolean rejectionsTruncated,
        boolean spooled, int outsideRetention, String notice) {

    static final int MAX_LISTED = 1000;

    /** One rejected item; {@code status} follows HTTP (400 malformed, 413 too large, 422 not an event). */
    public record Rejection(int line, int status, String reason) {
    }
}
