package io.vigil.ingest.syslog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header of a syslog line: RFC 5424 ({@code <34>1 2026-11-21T10:00:00Z host app 42 ID -
 * msg}), RFC 3164 as daemons and log files write it ({@code <34>Nov 21 10:00:00 host sshd[42]: msg},
 * the priority optional), an ISO time in place of the BSD one, and journal-style lines without a
 * time ({@code host sshd[42]: msg}). A line that fits none is kept whole as the message. RFC 3164
 * times carry no year and no zone: the year is the one that puts the time closest before now, the
 * zone UTC unless the caller names one (an archive uploaded with its year and zone).
 */
public final class SyslogParser {

    private static final Pattern PRI = Pattern.compile("^<(\\d{1,3})>");
    private static final Pattern RFC5424 = Pattern.compile(
            "^1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (-|(?:\\[(?:[^\\]\\\\\"]|\\\\.|\"(?:[^\"\\\\]|\\\\.)*\")*\\])+)(?: (.*))?$",
            Pattern.DOTALL);
    private static final Pattern BSD_TIME = Pattern.compile(
            "^([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)? ");
    private static final Pattern ISO_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\S+) ");
    /**
     * {@code host tag[pid]: msg} or {@code tag[pid]: msg}; the tag may be bracketed ({@code [sshd]:}), and
     * a bracketed tag or a pid may end without the colon ({@code [sshd] msg}). A host never holds "[" nor
     * ends in ":", so a host-less {@code sshd[42]: error: msg} is not read as host "sshd[42]:", tag "error".
     */
    private static final Pattern HOST_TAG = Pattern.compile(
            "^(?:([^\\s\\[]*[^\\s\\[:]) )?([\\w./@-]+|\\[[A-Za-z_][\\w./@-]*\\])(?:\\[(\\d+)\\])?(?::|(?<=\\]) ) ?(.*)$",
            Pattern.DOTALL);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("Jan", 1), Map.entry("Feb", 2),
            Map.entry("Mar", 3), Map.entry("Apr", 4), Map.entry("May", 5), Map.entry("Jun", 6), Map.entry("Jul", 7),
            Map.entry("Aug", 8), Map.entry("Sep", 9), Map.entry("Oct", 10), Map.entry("Nov", 11),
            Map.entry("Dec", 12));

    private final Clock clock;
    private final ZoneId zone;

    public SyslogParser(Clock clock) {
        this(clock, ZoneOffset.UTC);
    }

    /** Times without a zone are read in {@code zone}; those without a year fall closest before the clock's now. */
    public SyslogParser(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public SyslogMessage parse(String line) {
        String rest = line.strip();
        Integer priority = null;
        Matcher pri = PRI.matcher(rest);
        if (pri.find()) {
            int value = Integer.parseInt(pri.group(1));
            if (value <= 191) {
                priority = value;
                rest = rest.substring(pri.end());
            }
        }
        Matcher rfc5424 = RFC5424.matcher(rest);
        if (priority != null && rfc5424.matches()) {
            return new SyslogMessage(priority, iso(nil(rfc5424.group(1))), nil(rfc5424.group(2)),
                    nil(rfc5424.group(3)), nil(rfc5424.group(4)), nil(rfc5424.group(5)),
                    rfc5424.group(7) == null ? "" : stripBom(rfc5424.group(7)), "rfc5424");
        }
        Instant time = null;
        Matcher bsd = BSD_TIME.matcher(rest);
        Matcher iso = ISO_TIME.matcher(rest);
        if (bsd.find() && MONTHS.containsKey(bsd.group(1))) {
            time = bsdTime(bsd);
            rest = rest.substring(bsd.end());
        } else if (iso.find() && iso(iso.group(1)) != null) {
            time = iso(iso.group(1));
            rest = rest.substring(iso.end());
        }
        Matcher header = HOST_TAG.matcher(rest);
        if (header.matches()) {
            String app = header.group(2).replaceAll("^\\[|\\]$", "");
            return new SyslogMessage(priority, time, header.group(1), app, header.group(3), null, header.group(4),
                    "rfc3164");
        }
        return new SyslogMessage(priority, time, null, null, null, null, rest,
                time == null ? "unstructured" : "rfc3164");
    }

    private Instant bsdTime(Matcher bsd) {
        Instant now = clock.instant();
        int year = LocalDateTime.ofInstant(now, zone).getYear();
        for (int candidate = year + 1; candidate >= year - 1; candidate--) {
            try {
                Instant time = LocalDateTime.of(candidate, MONTHS.get(bsd.group(1)), Integer.parseInt(bsd.group(2)),
                        Integer.parseInt(bsd.group(3)), Integer.parseInt(bsd.group(4)), Integer.parseInt(bsd.group(5)))
                        .atZone(zone).toInstant();
                // a clock a day ahead of ours is still "now"; anything later belongs to last year
                if (!time.isAfter(now.plusSeconds(86_400))) {
                    return time;
                }
            } catch (java.time.DateTimeException e) {
                // Feb 29 in a year without it: try the year before
            }
        }
        return null;
    }

    private static Instant iso(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nil(String value) {
        return "-".equals(value) ? null : value;
    }

    private static String stripBom(String message) {
        return message.startsWith("\uFEFF") ? message.substring(1) : message;
    }
}
