package io.vigil.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;

/** One item of an ingest payload: a record to normalize, or a rejection with the reason. */
public sealed interface Item {

    /** Line of the payload where the item starts (1-based), or the record's index in a file. */
    int line();

    /** A parsed JSON record and its raw text (for {@code event.original} and stable ids). */
    record Json(int line, JsonNode value, String raw) implements Item {
    }

    /**
     * A line of text (syslog). {@code key}, when set, identifies this arrival of the line (network
     * intake, where the same text may legitimately arrive twice); otherwise the text identifies the
     * event, so sending the same file again stores nothing new.
     */
    record Text(int line, String raw, String key) implements Item {

        public Text(int line, String raw) {
            this(line, raw, null);
        }
    }

    /**
     * Input that cannot become an event. {@code status} follows HTTP: 400 malformed, 413 too large.
     * {@code raw} holds what there was of the input (possibly cut), for the dead letters.
     */
    record Rejected(int line, int status, String reason, String raw) implements Item {
    }
}
