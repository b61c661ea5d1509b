package io.vigil.detect.sigma;

import java.math.BigDecimal;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalField;
import java.util.List;
import java.util.Set;

import com.google.re2j.Pattern;

import inet.ipaddr.IPAddress;

/**
 * The compiled form of a field's values and modifiers. Every variant is a test on one value of a field
 * except {@link AllOf}, {@link Not}, {@link Exists} and {@link FieldRef}, which look at the field as a
 * whole (all values, presence, another field).
 */
public sealed interface ValueTest {

    /** How a plain string is compared. */
    enum StringOp {
        EQUALS,
        CONTAINS,
        STARTS_WITH,
        ENDS_WITH
    }

    /** Numeric comparison of the field value against the bound. */
    enum NumberOp {
        EQ,
        LT,
        LTE,
        GT,
        GTE
    }

    /** Value list joined with OR (Sigma's default). */
    record AnyOf(List<ValueTest> tests) implements ValueTest {

        public AnyOf {
            tests = List.copyOf(tests);
        }
    }

    /** Value list joined with AND ({@code all}): each value must match some value of the field. */
    record AllOf(List<ValueTest> tests) implements ValueTest {

        public AllOf {
            tests = List.copyOf(tests);
        }
    }

    /** {@code neq}: no value of the field matches the inner test (an absent field matches). */
    record Not(ValueTest test) implements ValueTest {
    }

    /** A plain string without wildcards, already unescaped. */
    record StringMatch(StringOp op, String text, boolean cased) implements ValueTest {
    }

    /**
     * Many plain equality values, as a hash set so huge lists cost one lookup. When not cased the set
     * holds lower-case ({@code Locale.ROOT}) values.
     */
    record EqualsAny(Set<String> values, boolean cased) implements ValueTest {

        public EqualsAny {
            values = Set.copyOf(values);
        }
    }

    /** A value with inner wildcards, compiled to an RE2 pattern that must match the whole value. */
    record Wildcard(String glob, Pattern pattern) implements ValueTest {
    }

    /** {@code re}: RE2 pattern searched anywhere in the value (anchors are the rule's business). */
    record Regex(String source, Pattern pattern) implements ValueTest {
    }

    /** A YAML number: equal as text, or numerically equal when the field value is a number. */
    record NumberEquals(String text, BigDecimal number) implements ValueTest {
    }

    /** {@code lt}, {@code lte}, {@code gt}, {@code gte} (and plain equality under time modifiers). */
    record NumberCompare(NumberOp op, BigDecimal bound) implements ValueTest {
    }

    /** {@code cidr}: the value is an address inside the network. */
    record Cidr(String cidr, IPAddress network) implements ValueTest {
    }

    /** YAML {@code null}: the field is absent or null. */
    record IsNull() implements ValueTest {
    }

    /** {@code exists}: the field is present (with any value, null included) or not. */
    record Exists(boolean present) implements ValueTest {
    }

    /** {@code fieldref}: the value compares with a value of another field of the same event. */
    record FieldRef(String otherField, StringOp op, boolean cased) implements ValueTest {
    }

    /** Time modifiers: a part of the date value, tested numerically. */
    record TimePart(TemporalField part, ValueTest test) implements ValueTest {

        /** The Sigma modifier names of the supported parts. */
        public static TemporalField byModifier(String modifier) {
            return switch (modifier) {
                case "minute" -> ChronoField.MINUTE_OF_HOUR;
                case "hour" -> ChronoField.HOUR_OF_DAY;
                case "day" -> ChronoField.DAY_OF_MONTH;
                case "week" -> IsoFields.WEEK_OF_WEEK_BASED_YEAR;
                case "month" -> ChronoField.MONTH_OF_YEAR;
                case "year" -> ChronoField.YEAR;
                default -> null;
            };
        }
    }
}
