package io.vigil.detect.match;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.vigil.detect.sigma.ValueTest;

/**
 * Turns per-value {@link ValueTest}s into predicates once, at rule compile time, so matching an event
 * only runs them. Strings compare without copying where the JDK allows ({@code regionMatches}).
 */
final class ValuePredicates {

    private ValuePredicates() {
    }

    static Predicate<Object> of(ValueTest test) {
        return switch (test) {
            case ValueTest.AnyOf any -> anyOf(any.tests());
            case ValueTest.StringMatch s -> v -> v != null && matches(s, text(v));
            case ValueTest.EqualsAny set -> v -> v != null
                    && set.values().contains(set.cased() ? text(v) : text(v).toLowerCase(Locale.ROOT));
            case ValueTest.Wildcard w -> v -> v != null && w.pattern().matches(text(v));
            case ValueTest.Regex r -> regex(r);
            case ValueTest.NumberEquals n -> v -> v != null && (text(v).equalsIgnoreCase(n.text())
                    || v instanceof Number num && compare(num, n.number()) == 0);
            case ValueTest.NumberCompare c -> v -> numeric(c, number(v));
            case ValueTest.Cidr c -> v -> v instanceof String s && Addresses.inside(c.network(), s);
            case ValueTest.IsNull n -> v -> v == null;
            case ValueTest.TimePart t -> TimeParts.predicate(t.part(), t.test());
            case ValueTest.AllOf a -> throw new IllegalArgumentException("AllOf is a field-level test");
            case ValueTest.Not n -> throw new IllegalArgumentException("Not is a field-level test");
            case ValueTest.Exists e -> throw new IllegalArgumentException("Exists is a field-level test");
            case ValueTest.FieldRef f -> throw new IllegalArgumentException("FieldRef is a field-level test");
        };
    }

    /** Whether the test is satisfied by an absent field (only YAML null is). */
    static boolean acceptsAbsent(ValueTest test) {
        return switch (test) {
            case ValueTest.IsNull n -> true;
            case ValueTest.AnyOf any -> any.tests().stream().anyMatch(ValuePredicates::acceptsAbsent);
            default -> false;
        };
    }

    /**
     * A regex is only run on values holding one of the texts every match contains ({@link RegexLiterals}),
     * compared ignoring case so any case flag is covered: most values fail that cheap test.
     */
    private static Predicate<Object> regex(ValueTest.Regex r) {
        String[] texts = RegexLiterals.required(r.source()).toArray(String[]::new);
        return v -> {
            if (v == null) {
                return false;
            }
            String value = text(v);
            return (texts.length == 0 || containsAny(value, texts)) && r.pattern().matcher(value).find();
        };
    }

    private static boolean containsAny(String value, String[] texts) {
        for (String text : texts) {
            if (StringOps.matches(ValueTest.StringOp.CONTAINS, value, text, false)) {
                return true;
            }
        }
        return false;
    }

    private static Predicate<Object> anyOf(List<ValueTest> tests) {
        @SuppressWarnings("unchecked")
        Predicate<Object>[] parts = tests.stream().map(ValuePredicates::of).toArray(Predicate[]::new);
        return v -> {
            for (Predicate<Object> p : parts) {
                if (p.test(v)) {
                    return true;
                }
            }
            return false;
        };
    }

    static String text(Object v) {
        return v instanceof String s ? s : String.valueOf(v);
    }

    static boolean matches(ValueTest.StringMatch s, String value) {
        return StringOps.matches(s.op(), value, s.text(), s.cased());
    }

    private static BigDecimal number(Object v) {
        try {
            return switch (v) {
                case null -> null;
                case BigDecimal b -> b;
                case Long l -> BigDecimal.valueOf(l);
                case Integer i -> BigDecimal.valueOf(i);
                case Number n -> new BigDecimal(n.toString());
                default -> new BigDecimal(text(v).trim());
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int compare(Number a, BigDecimal b) {
        BigDecimal n = number(a);
        return n == null ? -2 : n.compareTo(b);
    }

    static boolean numeric(ValueTest.NumberCompare c, BigDecimal value) {
        if (value == null) {
            return false;
        }
        int cmp = value.compareTo(c.bound());
        return switch (c.op()) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case LTE -> cmp <= 0;
            case GT -> cmp > 0;
            case GTE -> cmp >= 0;
        };
    }
}
