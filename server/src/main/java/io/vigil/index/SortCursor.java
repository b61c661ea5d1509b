package io.vigil.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where the next page of a list starts: the sort values of the last row shown, as an opaque text for a
 * link. Lists that page this way ({@code search_after}) reach every row, past the 10,000 hits
 * OpenSearch pages by offset.
 */
public final class SortCursor {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SortCursor() {
    }

    public static String encode(JsonNode sortValues) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sortValues.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The sort values of a cursor for a sort of {@code values} keys; anything else is refused. */
    public static JsonNode decode(String text, int values) {
        try {
            JsonNode sort = MAPPER.readTree(Base64.getUrlDecoder().decode(text.trim()));
            if (sort != null && sort.isArray() && sort.size() == values) {
                boolean scalars = true;
                for (JsonNode value : sort) {
                    scalars &= value.isValueNode();
                }
                if (scalars) {
                    return sort;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // answered below
        }
        throw new IllegalArgumentException("after: not a place in this list (follow the list's own links)");
    }

    /** The cursor after the last hit of a full page, or null when the page is the last. */
    public static String next(JsonNode hits, int size) {
        return hits.size() == size ? encode(hits.path(size - 1).path("sort")) : null;
    }
}
