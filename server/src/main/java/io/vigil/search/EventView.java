package io.vigil.search;

import java.util.List;
import java.util.Map;

import io.vigil.index.FindingsReader.StoredFinding;

/** The event panel: every field of one event, its original record, and what detection found in it. */
public record EventView(String index, String id, String time, Map<String, String> fields, String original,
        List<StoredFinding> findings) {
}
