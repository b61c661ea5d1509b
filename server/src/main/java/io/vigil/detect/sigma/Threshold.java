package io.vigil.detect.sigma;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A correlation's condition: one or more bounds, all of which must hold ({@code gt: 100, lte: 200} is
 * the range 101–200). Values are decimals so sums and averages compare exactly.
 */
public record Threshold(List<Bound> bounds) {

    public enum Op {

        GT,
        GTE,
        LT,
        LTE,
        EQ,
        NEQ;

        String sigma() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Bound(Op op, BigDecimal value) {

        boolean test(BigDecimal x) {
            int c = x.compareTo(value);
            return switch (op) {
                case GT -> c > 0;
                case GTE -> c >= 0;
                case LT -> c < 0;
                case LTE -> c <= 0;
                case EQ -> c == 0;
                case NEQ -> c != 0;
            };
        }
    }

    public Threshold {
        bounds = List.copyOf(bounds);
    }

    /** At least {@code n}. */
    public static Threshold atLeast(long n) {
        return new Threshold(List.of(new Bound(Op.GTE, BigDecimal.valueOf(n))));
    }

    public boolean test(BigDecimal x) {
        return bounds.stream().allMatch(b -> b.test(x));
    }

    public boolean test(long x) {
        return test(BigDecimal.valueOf(x));
    }

    /**
     * Whether the ratio {@code sum / count} (an average, {@code count > 0}) satisfies every bound, compared
     * without dividing ({@code sum op value × count}) so no rounding decides an equality.
     */
    public boolean testRatio(BigDecimal sum, long count) {
        BigDecimal n = BigDecimal.valueOf(count);
        return bounds.stream().allMatch(b -> new Bound(b.op(), b.value().multiply(n)).test(sum));
    }

    /**
     * Whether a value that satisfies the condition keeps satisfying it as it grows: only lower bounds
     * ({@code gt}, {@code gte}). Such a condition can fire as soon as a window reaches it; any other must
     * wait until no late event can change the window.
     */
    public boolean rising() {
        return bounds.stream().allMatch(b -> b.op() == Op.GT || b.op() == Op.GTE);
    }

    @Override
    public String toString() {
        return bounds.stream().map(b -> b.op().sigma() + " " + b.value().toPlainString())
                .collect(Collectors.joining(" and "));
    }
}
