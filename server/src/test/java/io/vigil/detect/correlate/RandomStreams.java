package io.vigil.detect.correlate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import io.vigil.detect.correlate.CorrelationEngine.Match;
import io.vigil.detect.correlate.ReferenceCorrelator.Hit;

/**
 * The differential check: seeded random event streams (several groups, whole-second times so instants
 * repeat, missing and hostile values) through every correlation type and a few chains, evaluated by the
 * engine (events arriving out of order within the lateness, in random batches, waiting rules settled as
 * time passes) and by the {@link ReferenceCorrelator}; the fired windows must be the same, one by one.
 */
public final class RandomStreams {

    public static final Duration LATENESS = Duration.ofMinutes(15);

    /** Per correlation: windows only the engine fired, only the reference found, and both. */
    public record Comparison(long seed, int events, Map<String, int[]> perRule, List<String> differences) {

        public boolean agrees() {
            return differences.isEmpty();
        }
    }

    private record Arrival(Match match, long at) {
    }

    private RandomStreams() {
    }

    /** The correlations every stream runs through: each type, conditions of both kinds, aliases, chains. */
    static String rules(Random random) {
        int span = 10 + random.nextInt(290);
        return """
                title: count
                name: ec
                correlation: {type: event_count, rules: [r0], group-by: [g], timespan: %1$ds, condition: {gte: %2$d}}
                ---
                title: count in a range
                name: ec_range
                correlation: {type: event_count, rules: [r0, r1], group-by: [g], timespan: %1$ds, condition: {gt: 2, lte: 5}}
                ---
                title: few
                name: ec_lt
                correlation: {type: event_count, rules: [r1], group-by: [g], timespan: %1$ds, condition: {lt: 3}}
                ---
                title: distinct
                name: vc
                correlation: {type: value_count, rules: [r0, r1], group-by: [g], timespan: %1$ds, condition: {field: v, gte: %3$d}}
                ---
                title: distinct exactly
                name: vc_eq
                correlation: {type: value_count, rules: [r2], group-by: [g], timespan: %1$ds, condition: {field: [v, h], eq: 2}}
                ---
                title: all three
                name: t
                correlation: {type: temporal, rules: [r0, r1, r2], group-by: [g], timespan: %1$ds}
                ---
                title: two of three
                name: t2
                correlation: {type: temporal, rules: [r0, r1, r2], group-by: [g], timespan: %1$ds, condition: {gte: 2}}
                ---
                title: ordered
                name: to
                correlation: {type: temporal_ordered, rules: [r0, r1], group-by: [g], timespan: %1$ds}
                ---
                title: ordered three
                name: to3
                correlation: {type: temporal_ordered, rules: [r2, r1, r0], group-by: [g], timespan: %1$ds}
                ---
                title: sum
                name: vs
                correlation: {type: value_sum, rules: [r0], group-by: [g], timespan: %1$ds, condition: {field: v, gt: %4$d}}
                ---
                title: small sum
                name: vs_lte
                correlation: {type: value_sum, rules: [r1], group-by: [g], timespan: %1$ds, condition: {field: v, lte: 50}}
                ---
                title: mean
                name: va
                correlation: {type: value_avg, rules: [r0, r1], group-by: [g], timespan: %1$ds, condition: {field: v, gt: 60}}
                ---
                title: low mean
                name: va_lte
                correlation: {type: value_avg, rules: [r2], group-by: [g], timespan: %1$ds, condition: {field: v, lte: 30}}
                ---
                title: tail
                name: vp
                correlation: {type: value_percentile, rules: [r0, r2], group-by: [g], timespan: %1$ds, condition: {field: v, percentile: 90, gte: 80}}
                ---
                title: median
                name: vm
                correlation: {type: value_median, rules: [r1], group-by: [g], timespan: %1$ds, condition: {field: v, lt: 40}}
                ---
                title: aliased
                name: alias
                correlation:
                  type: temporal
                  rules: [r0, r1]
                  group-by: [k]
                  timespan: %1$ds
                  aliases: {k: {r0: g, r1: h}}
                ---
                title: count then r2
                name: chain
                correlation: {type: temporal_ordered, rules: [ec, r2], group-by: [g], timespan: %5$ds}
                ---
                title: distinct twice
                name: chain_vc
                correlation: {type: event_count, rules: [vc, vc_eq], group-by: [g], timespan: %5$ds, condition: {gte: 2}}
                ---
                title: few then mean
                name: chain_wait
                correlation: {type: temporal, rules: [ec_lt, va_lte], group-by: [g], timespan: %5$ds}
                """
                .formatted(span, 2 + random.nextInt(5), 2 + random.nextInt(4), 100 + random.nextInt(200),
                        span * 2);
    }

    public static Comparison compare(long seed, int events) {
        return compare(seed, events, new MemoryCorrelationStore(), 1);
    }

    /**
     * As {@link #compare(long, int)}, with the engine's state in {@code store} and the stream dealt to
     * {@code replicaCount} engines that take their shares of each moment's arrivals at the same time.
     */
    public static Comparison compare(long seed, int events, CorrelationStore store, int replicaCount) {
        return compare(seed, events, store, replicaCount, false);
    }

    /**
     * As {@link #compare(long, int, CorrelationStore, int)}; with {@code restart}, every engine is replaced
     * by a new one halfway through the stream (a server restarted between two events).
     */
    public static Comparison compare(long seed, int events, CorrelationStore store, int replicaCount,
            boolean restart) {
        Random random = new Random(seed);
        CorrelationSet set = CorrelationCases.set(rules(random));
        List<Arrival> arrivals = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        long period = 3_600;
        for (int i = 0; i < events; i++) {
            Map<String, String> fields = new HashMap<>();
            if (random.nextInt(20) != 0) {
                fields.put("g", "g" + random.nextInt(5));
            }
            fields.put("h", "g" + random.nextInt(5));
            int kind = random.nextInt(100);
            fields.put("v", kind < 8
                    ? null
                    : kind < 11
                            ? "n/a"
                            : kind < 14
                                    ? "-" + random.nextInt(50)
                                    : String.valueOf(random.nextInt(101)));
            long time = random.nextLong(period) * 1_000;
            Match match;
            if (random.nextInt(50) == 0 && !matches.isEmpty()) {
                // an event sent again: counted once
                match = matches.get(random.nextInt(matches.size()));
                time = match.time();
            } else {
                match = new Match("r" + random.nextInt(3), "e" + i, time, "s" + random.nextInt(2), fields::get);
                matches.add(match);
            }
            arrivals.add(new Arrival(match, time + random.nextLong(LATENESS.toMillis())));
        }
        arrivals.sort(java.util.Comparator.comparingLong(Arrival::at));
        TreeSet<Hit> engine = new TreeSet<>();
        List<CorrelationEngine> replicas = new ArrayList<>();
        for (int r = 0; r < replicaCount; r++) {
            replicas.add(new CorrelationEngine(store, LATENESS));
        }
        boolean restarted = false;
        for (int i = 0; i < arrivals.size();) {
            if (restart && !restarted && i >= arrivals.size() / 2) {
                replicas.replaceAll(r -> new CorrelationEngine(store, LATENESS));
                restarted = true;
            }
            int size = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
            List<Arrival> tick = arrivals.subList(i, Math.min(arrivals.size(), i + size));
            long now = tick.get(0).at();
            boolean settle = random.nextInt(3) == 0;
            // the tick's arrivals dealt to the replicas in turn, which take them at the same time
            List<java.util.concurrent.CompletableFuture<List<CorrelationEngine.Outcome>>> runs = new ArrayList<>();
            for (int r = 0; r < replicas.size(); r++) {
                List<Match> share = new ArrayList<>();
                for (int k = r; k < tick.size(); k += replicas.size()) {
                    share.add(tick.get(k).match());
                }
                CorrelationEngine replica = replicas.get(r);
                boolean settles = settle && (r == 0 || random.nextBoolean());
                runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> settles
                        ? List.of(replica.accept(set, share, now), replica.settle(set, now))
                        : List.of(replica.accept(set, share, now))));
            }
            for (var run : runs) {
                run.join().forEach(outcome -> CorrelationCases.collect(outcome, engine));
            }
            i += tick.size();
        }
        CorrelationCases.collect(replicas.get(0).settle(set, Long.MAX_VALUE / 2), engine);
        TreeSet<Hit> reference = ReferenceCorrelator.run(set, matches);
        return compare(seed, events, set, engine, reference);
    }

    private static Comparison compare(long seed, int events, CorrelationSet set, TreeSet<Hit> engine,
            TreeSet<Hit> reference) {
        Map<String, int[]> perRule = new TreeMap<>();
        set.order().forEach(c -> perRule.put(c.id(), new int[3]));
        List<String> differences = new ArrayList<>();
        for (Hit hit : engine) {
            boolean both = reference.contains(hit);
            perRule.get(hit.correlation())[both ? 2 : 0]++;
            if (!both) {
                differences.add("seed " + seed + ": only the engine fired " + hit);
            }
        }
        for (Hit hit : reference) {
            if (!engine.contains(hit)) {
                perRule.get(hit.correlation())[1]++;
                differences.add("seed " + seed + ": only the reference found " + hit);
            }
        }
        return new Comparison(seed, events, perRule, differences);
    }
}
