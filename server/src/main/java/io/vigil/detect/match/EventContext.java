package io.vigil.detect.match;

import java.util.Locale;

import io.vigil.detect.sigma.SigmaRule;

/**
 * The logsource an event belongs to, set by the ingest side (CloudTrail: {@code aws}/{@code cloudtrail};
 * a Sysmon process start: {@code windows}/{@code sysmon}/{@code process_creation}). Values are compared
 * case-insensitively and a blank value means "not known", so it fits only rules that do not state it.
 */
public record EventContext(String product, String service, String category) {

    /** An event nobody classified: only rules without a logsource condition apply. */
    public static final EventContext NONE = new EventContext(null, null, null);

    public EventContext {
        product = normal(product);
        service = normal(service);
        category = normal(category);
    }

    /**
     * Sigma's logsource rule: each of product, service and category that the rule states must equal the
     * event's; what the rule leaves out does not restrict it.
     */
    public boolean admits(SigmaRule.LogSource source) {
        return source == null || fits(normal(source.product()), product) && fits(normal(source.service()), service)
                && fits(normal(source.category()), category);
    }

    private static boolean fits(String stated, String actual) {
        return stated == null || stated.equals(actual);
    }

    /** A logsource part as rules and events are compared: trimmed, lower case, null for none. */
    public static String normal(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
