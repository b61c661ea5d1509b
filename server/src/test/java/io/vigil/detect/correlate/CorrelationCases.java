package io.vigil.detect.correlate;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vigil.detect.correlate.CorrelationEngine.Match;
import io.vigil.detect.correlate.ReferenceCorrelator.Hit;
import io.vigil.detect.sigma.SigmaCorrelation;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

/**
 * Hand-written correlation cases ({@code correlation/cases/*.yml} on the test class path): correlation
 * rules, a few events (time in seconds, the rule that matched, fields) and the windows that must fire
 * (correlation, group values, window end in seconds). Each case is run through the engine in several
 * arrival orders and batch splits, and through the reference correlator; all must give the expected.
 */
public final class CorrelationCases {

    public static final List<String> FILES = List.of("event_count", "value_count", "temporal", "temporal_ordered",
            "value_sum", "value_avg", "value_percentile", "features");

    public record Case(String file, String name, String rules, List<Map<String, Object>> events,
            List<Map<String, Object>> expect, String lateness) {
    }

    /** A case's outcome: expected, what each engine run fired, and what the reference found. */
    public record Outcome(Case c, TreeSet<Hit> expected, List<TreeSet<Hit>> engine, TreeSet<Hit> reference) {

        public boolean agrees() {
            return engine.stream().allMatch(expected::equals) && reference.equals(expected);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CorrelationCases() {
    }

    public static List<Case> load() {
        List<Case> cases = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = CorrelationCases.class.getResourceAsStream("/correlation/cases/" + file + ".yml")) {
                List<Map<String, Object>> raw = YAML.readValue(in, new TypeReference<>() {
                });
                for (Map<String, Object> c : raw) {
                    @SuppressWarnings("unchecked")
                    var events = (List<Map<String, Object>>) c.getOrDefault("events", List.of());
                    @SuppressWarnings("unchecked")
                    var expect = (List<Map<String, Object>>) c.getOrDefault("expect", List.of());
                    cases.add(new Case(file, (String) c.get("name"), (String) c.get("rules"), events, expect,
                            (String) c.getOrDefault("lateness", "15m")));
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("correlation cases " + file + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    /** The correlations of a case's YAML, by id (or name when it has no id); any other name is an event rule. */
    public static CorrelationSet set(String yaml) {
        Map<String, SigmaCorrelation> correlations = new LinkedHashMap<>();
        for (SigmaResult result : new SigmaParser().parse(yaml)) {
            if (!(result instanceof SigmaResult.Correlation c)) {
                throw new IllegalArgumentException("not a correlation: " + result);
            }
            correlations.put(c.correlation().id() != null ? c.correlation().id() : c.correlation().name(),
                    c.correlation());
        }
        CorrelationSet set = CorrelationSet.of(correlations, Optional::of);
        if (!set.refused().isEmpty()) {
            throw new IllegalArgumentException("refused: " + set.refused());
        }
        return set;
    }

    public static Outcome run(Case c) {
        CorrelationSet set = set(c.rules());
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < c.events().size(); i++) {
            Map<String, Object> event = c.events().get(i);
            Map<String, String> fields = new LinkedHashMap<>();
            event.forEach((k, v) -> fields.put(k, v == null ? null : String.valueOf(v)));
            long time = ((Number) event.get("t")).longValue() * 1000;
            matches.add(new Match(String.valueOf(event.get("rule")), "e" + i, time, "s" + (i % 2), fields::get));
        }
        TreeSet<Hit> expected = new TreeSet<>();
        for (Map<String, Object> e : c.expect()) {
            @SuppressWarnings("unchecked")
            List<Object> group = (List<Object>) e.getOrDefault("group", List.of());
            expected.add(new Hit(String.valueOf(e.get("rule")), GroupKeys.of(group.stream().map(String::valueOf)
                    .toList()), ((Number) e.get("end")).longValue() * 1000));
        }
        Duration lateness = Duration.parse("PT" + c.lateness().toUpperCase(java.util.Locale.ROOT));
        List<TreeSet<Hit>> runs = new ArrayList<>();
        List<Match> inOrder = new ArrayList<>(matches);
        inOrder.sort(java.util.Comparator.comparingLong(Match::time));
        runs.add(engine(set, List.of(matches), lateness));
        runs.add(engine(set, inOrder.stream().map(List::of).toList(), lateness));
        List<Match> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        runs.add(engine(set, reversed.stream().map(List::of).toList(), lateness));
        return new Outcome(c, expected, runs, ReferenceCorrelator.run(set, matches));
    }

    /**
     * Every batch arrives at the latest event time seen so far (no event is later than the lateness when
     * cases keep their times within it), waiting rules settle after each batch and once more at the end.
     */
    static TreeSet<Hit> engine(CorrelationSet set, List<List<Match>> batches, Duration lateness) {
        var engine = new CorrelationEngine(new MemoryCorrelationStore(), lateness);
        TreeSet<Hit> hits = new TreeSet<>();
        long now = Long.MIN_VALUE;
        for (List<Match> batch : batches) {
            for (Match m : batch) {
                now = Math.max(now, m.time());
            }
            collect(engine.accept(set, batch, now), hits);
            collect(engine.settle(set, now), hits);
        }
        collect(engine.settle(set, now + lateness.toMillis() + Duration.ofDays(31).toMillis()), hits);
        return hits;
    }

    static void collect(CorrelationEngine.Outcome outcome, TreeSet<Hit> hits) {
        for (var f : outcome.fired()) {
            if (!hits.add(new Hit(f.correlation().id(), f.groupKey(), f.window().end()))) {
                throw new IllegalStateException("fired twice: " + f);
            }
        }
    }
}
