package io.vigil.detect.match;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;
import java.util.function.Predicate;

import io.vigil.detect.sigma.ValueTest;

/**
 * Time modifiers: read the value as a date (ISO-8601 with or without offset, a date, or epoch
 * milliseconds/seconds as a number) and test one part of it. Times without an offset are taken as they
 * are written — the specification leaves zones to the data.
 */
final class TimeParts {

    private TimeParts() {
    }

    static Predicate<Object> predicate(TemporalField part, ValueTest test) {
        if (!(test instanceof ValueTest.NumberCompare compare)) {
            throw new IllegalArgumentException("time parts compare numbers");
        }
        return v -> {
            TemporalAccessor t = parse(v);
            return t != null && t.isSupported(part)
                    && ValuePredicates.numeric(compare, BigDecimal.valueOf(t.getLong(part)));
        };
    }

    static TemporalAccessor parse(Object v) {
        if (v instanceof Number n) {
            long epoch = n.longValue();
            Instant instant = Math.abs(epoch) > 100_000_000_000L
                    ? Instant.ofEpochMilli(epoch)
                    : Instant.ofEpochSecond(epoch);
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (!(v instanceof String s)) {
            return null;
        }
        String text = s.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            // not with an offset; try the local forms
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text) : LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
