package io.vigil.detect.correlate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.vigil.detect.sigma.SigmaCorrelation;
import io.vigil.detect.sigma.Threshold;

/**
 * What a correlation keeps of the window sliding over one group's inputs: inputs join as the window's end
 * passes them and leave as its start does, so each window costs only its changes.
 */
sealed interface Aggregate {

    void add(CorrelationInput input);

    void remove(CorrelationInput input);

    /** The value the condition compares for the window ending at {@code end}; null when it has none. */
    BigDecimal value(long start, long end);

    /** Whether the window from {@code start} to {@code end} satisfies the threshold. */
    default boolean satisfied(Threshold threshold, long start, long end) {
        BigDecimal value = value(start, end);
        return value != null && threshold.test(value);
    }

    static Aggregate of(SigmaCorrelation rule) {
        return switch (rule.type()) {
            case EVENT_COUNT -> new Count();
            case VALUE_COUNT -> new Distinct();
            case TEMPORAL -> new RulesPresent(rule.rules().size());
            case TEMPORAL_ORDERED -> new Ordered(rule.rules().size());
            case VALUE_SUM -> new Sum();
            case VALUE_AVG -> new Average();
            case VALUE_PERCENTILE, VALUE_MEDIAN -> new Percentile(rule.percentile());
        };
    }

    /**
     * A numeric value of an aggregated field, or null when it is none (then no numeric aggregate counts
     * the input). Values come from events: a hostile exponent ({@code 1e999999999}) would make exact sums
     * enormous, so a scale beyond ±18 is no number here.
     */
    static BigDecimal number(String value) {
        if (value == null || value.isEmpty() || value.length() > 60) {
            return null;
        }
        try {
            BigDecimal x = new BigDecimal(value.trim());
            return Math.abs(x.scale()) > 18 ? null : x;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** event_count: how many inputs. */
    final class Count implements Aggregate {

        private long n;

        public void add(CorrelationInput input) {
            n++;
        }

        public void remove(CorrelationInput input) {
            n--;
        }

        public BigDecimal value(long start, long end) {
            return BigDecimal.valueOf(n);
        }
    }

    /** value_count: how many distinct values (inputs without one add none). */
    final class Distinct implements Aggregate {

        private final Map<String, Integer> counts = new HashMap<>();

        public void add(CorrelationInput input) {
            if (input.value() != null) {
                counts.merge(input.value(), 1, Integer::sum);
            }
        }

        public void remove(CorrelationInput input) {
            if (input.value() != null) {
                counts.computeIfPresent(input.value(), (k, v) -> v == 1 ? null : v - 1);
            }
        }

        public BigDecimal value(long start, long end) {
            return BigDecimal.valueOf(counts.size());
        }
    }

    /** temporal: how many of the correlated rules have an input in the window. */
    final class RulesPresent implements Aggregate {

        private final int[] counts;
        private int present;

        RulesPresent(int rules) {
            counts = new int[rules];
        }

        public void add(CorrelationInput input) {
            if (counts[input.rule()]++ == 0) {
                present++;
            }
        }

        public void remove(CorrelationInput input) {
            if (--counts[input.rule()] == 0) {
                present--;
            }
        }

        public BigDecimal value(long start, long end) {
            return BigDecimal.valueOf(present);
        }
    }

    /**
     * temporal_ordered: how long a prefix of the rules appears in order in the window (the first rule's
     * earliest input, then the second rule's earliest at or after it, ...); inputs at the same instant
     * count as in order.
     */
    final class Ordered implements Aggregate {

        private final TreeMap<Long, Integer>[] times;

        @SuppressWarnings("unchecked")
        Ordered(int rules) {
            times = new TreeMap[rules];
            for (int i = 0; i < rules; i++) {
                times[i] = new TreeMap<>();
            }
        }

        public void add(CorrelationInput input) {
            times[input.rule()].merge(input.time(), 1, Integer::sum);
        }

        public void remove(CorrelationInput input) {
            times[input.rule()].computeIfPresent(input.time(), (k, v) -> v == 1 ? null : v - 1);
        }

        public BigDecimal value(long start, long end) {
            long at = start;
            int found = 0;
            for (TreeMap<Long, Integer> rule : times) {
                Long next = rule.ceilingKey(at);
                if (next == null || next > end) {
                    break;
                }
                at = next;
                found++;
            }
            return BigDecimal.valueOf(found);
        }
    }

    /** value_sum: the sum of the field's non-negative numbers (so a sum only grows as inputs join). */
    final class Sum implements Aggregate {

        private BigDecimal sum = BigDecimal.ZERO;

        public void add(CorrelationInput input) {
            BigDecimal x = number(input.value());
            if (x != null && x.signum() >= 0) {
                sum = sum.add(x);
            }
        }

        public void remove(CorrelationInput input) {
            BigDecimal x = number(input.value());
            if (x != null && x.signum() >= 0) {
                sum = sum.subtract(x);
            }
        }

        public BigDecimal value(long start, long end) {
            return sum;
        }
    }

    /** value_avg: the mean of the field's numbers; a window without any has none. */
    final class Average implements Aggregate {

        private BigDecimal sum = BigDecimal.ZERO;
        private long n;

        public void add(CorrelationInput input) {
            BigDecimal x = number(input.value());
            if (x != null) {
                sum = sum.add(x);
                n++;
            }
        }

        public void remove(CorrelationInput input) {
            BigDecimal x = number(input.value());
            if (x != null) {
                sum = sum.subtract(x);
                n--;
            }
        }

        @Override
        public boolean satisfied(Threshold threshold, long start, long end) {
            return n > 0 && threshold.testRatio(sum, n);
        }

        public BigDecimal value(long start, long end) {
            return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
    }

    /**
     * value_percentile: the nearest-rank percentile of the field's numbers (the smallest value at least
     * p% of them are at or below); a window without any has none.
     */
    final class Percentile implements Aggregate {

        private final BigDecimal percentile;
        private final TreeMap<BigDecimal, Integer> values = new TreeMap<>();
        private long n;

        Percentile(BigDecimal percentile) {
            this.percentile = percentile;
        }

        public void add(CorrelationInput input) {
            BigDecimal x = number(input.value());
            if (x != null) {
                values.merge(x, 1, Integer::sum);
                n++;
            }
        }

        public void remove(CorrelationInput input) {
            BigDecimal x = number(input.value());
            if (x != null) {
                values.computeIfPresent(x, (k, v) -> v == 1 ? null : v - 1);
                n--;
            }
        }

        public BigDecimal value(long start, long end) {
            if (n == 0) {
                return null;
            }
            long rank = rank(percentile, n);
            long seen = 0;
            for (var entry : values.entrySet()) {
                seen += entry.getValue();
                if (seen >= rank) {
                    return entry.getKey();
                }
            }
            throw new IllegalStateException("rank " + rank + " beyond " + n + " values");
        }

        /** The nearest rank: ceil(p / 100 × n), at least 1. */
        static long rank(BigDecimal percentile, long n) {
            BigDecimal exact = percentile.multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(100), 0,
                    RoundingMode.CEILING);
            return Math.max(1, exact.longValueExact());
        }
    }
}
