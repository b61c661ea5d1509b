package io.vigil.ingest.format;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.ingest.parse.Item;
import io.vigil.ingest.parse.PayloadLimits;

/**
 * CloudTrail's file shape: {@code {"Records":[...]}} as written to S3. Such a file becomes one item
 * per record; records sent as an array or one per line pass through unchanged.
 */
final class CloudTrailFiles {

    private CloudTrailFiles() {
    }

    static List<Item> records(List<Item> items) {
        List<Item> records = new ArrayList<>(items.size());
        for (Item item : items) {
            if (item instanceof Item.Json json && json.value().has("Records")) {
                JsonNode array = json.value().get("Records");
                if (!array.isArray()) {
                    records.add(new Item.Rejected(json.line(), 400, "\"Records\" is not an array", json.raw()));
                    continue;
                }
                for (int i = 0; i < array.size(); i++) {
                    JsonNode record = array.get(i);
                    String raw = record.toString();
                    records.add(raw.length() > PayloadLimits.DEFAULT.maxItemBytes()
                            ? new Item.Rejected(i + 1, 413, "record of " + raw.length() + " bytes is over the limit of "
                                    + PayloadLimits.DEFAULT.maxItemBytes() + " bytes per event",
                                    raw.substring(0, 65_536))
                            : new Item.Json(i + 1, record, raw));
                }
            } else if (item instanceof Item.Json json && !json.value().has("eventName")) {
                records.add(new Item.Rejected(json.line(), 400,
                        "neither a CloudTrail file (no \"Records\" array) nor a CloudTrail record (no \"eventName\")",
                        json.raw()));
            } else {
                records.add(item);
            }
        }
        return records;
    }
}
