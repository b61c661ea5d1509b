package io.vigil.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.search.SearchResults.Cursor;

/**
 * The API's paging token: where the next page starts (point in time, last sort values) and the range as
 * the first page resolved it, so that "last 15 minutes" does not move while a client pages. Opaque to
 * clients: base64url of a small JSON object.
 */
record SearchCursor(Cursor cursor, Instant from, Instant to) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        ObjectNode token = JSON.createObjectNode().put("after", cursor.afterMillis()).put("id", cursor.afterId())
                .put("from", from.toString()).put("to", to.toString());
        if (cursor.pointInTime() != null) {
            token.put("pit", cursor.pointInTime());
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token; anything that is not one of ours is a {@link SearchProblem}. */
    static SearchCursor decode(String text) {
        try {
            JsonNode token = JSON.readTree(Base64.getUrlDecoder().decode(text));
            if (!token.path("after").isNumber() || !token.path("id").isTextual()) {
                throw new IllegalArgumentException("fields missing");
            }
            String pit = token.path("pit").isTextual() ? token.path("pit").asText() : null;
            return new SearchCursor(new Cursor(pit, token.path("after").asLong(), token.path("id").asText()),
                    Instant.parse(token.path("from").asText()), Instant.parse(token.path("to").asText()));
        } catch (IOException | RuntimeException e) {
            throw new SearchProblem("cursor: not a cursor this API gave (send the 'next' of the previous page)", -1);
        }
    }
}
