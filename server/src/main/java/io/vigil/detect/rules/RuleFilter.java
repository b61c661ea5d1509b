package io.vigil.detect.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.UriBuilder;

/**
 * The rules list's filters, "" for each not set: text in the title or id, pack, level, text in the
 * logsource ("aws", "windows/security"), one tag, state ("enabled", "disabled") and data ("yes": some
 * event of the rule's logsource came in lately; "no": none did).
 */
public record RuleFilter(String q, String pack, String level, String logsource, String tag, String state,
        String data) {

    public static RuleFilter of(String q, String pack, String level, String logsource, String tag, String state,
            String data) {
        return new RuleFilter(clean(q), clean(pack), clean(level), clean(logsource), clean(tag),
                "enabled".equals(state) || "disabled".equals(state) ? state : "",
                "yes".equals(data) || "no".equals(data) ? data : "");
    }

    /** The filters by parameter name, those set only. */
    Map<String, String> set() {
        Map<String, String> set = new LinkedHashMap<>();
        String[][] all = {{"q", q}, {"pack", pack}, {"level", level}, {"logsource", logsource}, {"tag", tag},
                {"state", state}, {"data", data}};
        for (String[] pair : all) {
            if (!pair[1].isEmpty()) {
                set.put(pair[0], pair[1]);
            }
        }
        return set;
    }

    /** The list with these filters at another page, as a link. */
    public String url(int page) {
        UriBuilder url = UriBuilder.fromPath("/rules");
        set().forEach((name, value) -> url.queryParam(name, value));
        return url.queryParam("page", page).build().toString();
    }

    private static String clean(String value) {
        return value == null ? "" : value.trim();
    }
}
