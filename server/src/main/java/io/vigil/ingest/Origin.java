package io.vigil.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Where a batch came from, for dead letters and for the events themselves: {@code channel} names
 * the intake ("http", "syslog udp", "s3://bucket/key", "upload trail.json.gz"), {@code peer} is
 * the sender's address when the intake knows it (written as {@code log.source.address}).
 */
public record Origin(String channel, String peer, YearlessTimes yearless) {

    /**
     * How to date syslog times that carry no year and no zone (RFC 3164): in the year that puts them
     * closest before {@code before}, in {@code zone}. By default before the arrival, in UTC; an archive
     * of an older year names its own.
     */
    public record YearlessTimes(Instant before, ZoneId zone) {

        /**
         * From what a user types: {@code lastDay} the last day the file covers ({@code 2019-12-31}; lines
         * without a year fall on or before it), {@code zone} the zone the host logged in (default UTC).
         * Null when both are blank; a bad value is an {@link IllegalArgumentException} naming the field.
         */
        public static YearlessTimes of(String lastDay, String zone) {
            boolean noDay = lastDay == null || lastDay.isBlank();
            boolean noZone = zone == null || zone.isBlank();
            if (noDay && noZone) {
                return null;
            }
            ZoneId id;
            try {
                id = noZone ? ZoneOffset.UTC : ZoneId.of(zone.strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("zone: a time zone such as UTC, +02:00 or Europe/Berlin, not '"
                        + zone.strip() + "'");
            }
            LocalDate day;
            try {
                day = noDay ? LocalDate.now(id) : LocalDate.parse(lastDay.strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("lastDay: a date such as 2019-12-31, not '" + lastDay.strip() + "'");
            }
            return new YearlessTimes(day.plusDays(1).atStartOfDay(id).toInstant(), id);
        }
    }

    public Origin(String channel, String peer) {
        this(channel, peer, null);
    }

    public static Origin http() {
        return new Origin("http", null);
    }

    public Origin with(YearlessTimes times) {
        return new Origin(channel, peer, times);
    }

    /** Where one item of the batch sits, as shown to administrators beside a dead letter. */
    public String location(int line) {
        String where = peer == null ? channel : channel + " from " + peer;
        return where + " line " + line;
    }
}
