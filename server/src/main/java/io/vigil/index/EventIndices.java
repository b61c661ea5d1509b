package io.vigil.index;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Index names: one events index per source and day ({@code vigil-events-<source>-2026.11.21}),
 * so retention per source deletes whole indices; dead letters per month.
 */
public final class EventIndices {

    public static final String EVENTS_PREFIX = "vigil-events-";
    public static final String DEAD_LETTERS_PREFIX = "vigil-deadletters-";
    /** Every events index, for searches. */
    public static final String ALL_EVENTS = EVENTS_PREFIX + "*";
    public static final String FINDINGS_PREFIX = "vigil-findings-";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    private EventIndices() {
    }

    public static String events(String source, Instant time) {
        return EVENTS_PREFIX + source + "-" + DAY.format(time);
    }

    /**
     * The source of an events index, read from its name exactly (the day at its end has a fixed
     * length, so source {@code aws} is never mistaken for {@code aws-demo}); empty for other names.
     */
    public static java.util.Optional<String> sourceOfEvents(String index) {
        int day = index.length() - "-yyyy.MM.dd".length();
        if (!index.startsWith(EVENTS_PREFIX) || day <= EVENTS_PREFIX.length() || index.charAt(day) != '-') {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(index.substring(EVENTS_PREFIX.length(), day));
    }

    /** Every events index of one source. */
    public static String eventsOf(String source) {
        return EVENTS_PREFIX + source + "-*";
    }

    /**
     * Findings by the day they were found, as SIEMs keep alerts: a back-fill's findings are today's,
     * kept for the findings retention from today, and all findings of one ingest request go to one
     * index (one shard write per request, not one per day its events span).
     */
    public static String findings(Instant detected) {
        return FINDINGS_PREFIX + DAY.format(detected);
    }

    public static String deadLetters(Instant time) {
        return DEAD_LETTERS_PREFIX + MONTH.format(time);
    }
}
