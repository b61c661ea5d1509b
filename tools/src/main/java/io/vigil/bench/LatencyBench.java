package io.vigil.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.vigil.bench.LatencyScenario.Kind;
import io.vigil.devstack.StackException;
import io.vigil.event.SourceType;

/**
 * {@code ./vigil bench latency}: how long an attack takes from its arrival to an alert an analyst can
 * see ({@code GET /api/alerts}), for a single-event rule and for a correlation, while routine traffic
 * streams in at a steady rate over the HTTP intake and syslog and the stack's rules run as configured.
 * Attacks alternate (single, correlation, ...) at a fixed interval, each timed from the send of its last
 * needed event to the first poll answer that lists its alert ({@link AlertWatch}). The baseline, measured
 * first in the same run, is the same on the same stack without the stream, one attack at a time.
 */
final class LatencyBench {

    /** One kind's figures (ms): how many were seen, median, 95th percentile, worst; and how many missed. */
    record Figures(int count, double p50Ms, double p95Ms, double maxMs, int missed) {

        static Figures of(List<LatencyScenario> scenarios) {
            List<Double> ms = scenarios.stream().filter(LatencyScenario::visible).map(LatencyScenario::latencyMs)
                    .toList();
            int missed = scenarios.size() - ms.size();
            if (ms.isEmpty()) {
                return new Figures(0, -1, -1, -1, missed);
            }
            return new Figures(ms.size(), SearchBench.percentile(ms, 50), SearchBench.percentile(ms, 95),
                    ms.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), missed);
        }
    }

    /** The baseline (idle) and loaded figures, and the rates the stream achieved while loaded. */
    record Result(Figures idleSingle, Figures idleCorrelation, Figures single, Figures correlation, double httpEps,
            double syslogLps) {

        /** Events per second achieved, both ways together (a syslog line is an event). */
        double eps() {
            return httpEps + syslogLps;
        }

        int missed() {
            return idleSingle.missed() + idleCorrelation.missed() + single.missed() + correlation.missed();
        }
    }

    /** The loaded phase's attacks and the rates achieved while they were sent. */
    private record Loaded(List<LatencyScenario> scenarios, double httpEps, double syslogLps) {
    }

    /** Where attacks go, and what is checked while waiting: the alert watch and the two streams. */
    private record Senders(AlertWatch watch, IntakeLoad intake, SyslogLoad syslog) {
    }

    /** The stream runs this long before the first attack is timed: the server settles into the load. */
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** The source the syslog listener writes to (vigil.syslog.source's default), which ./vigil up defines. */
    private static final String SYSLOG_SOURCE = "syslog";
    /** The targets on the 2-core machine, every built-in rule enabled: p95 from arrival to a visible alert. */
    private static final long SINGLE_TARGET_MS = 2000;
    private static final long CORRELATION_TARGET_MS = 3000;

    private final LatencyEvents events = new LatencyEvents();
    private final BenchStack stack;
    private final Duration measured;
    private final int eps;
    private final int syslogLps;
    private final int perMinute;
    private final int idle;
    /** Every attack sent, warm-ups included: their alerts are closed at the end. */
    private final List<LatencyScenario> sent = new ArrayList<>();

    LatencyBench(BenchStack stack, Duration measured, int eps, int syslogLps, int perMinute, int idle) {
        if (measured.toSeconds() < 1 || eps < 0 || syslogLps < 0 || perMinute < 1 || idle < 0) {
            throw new StackException("--seconds and --scenarios-per-minute must be at least 1; --eps, --syslog-lps"
                    + " and --idle at least 0");
        }
        this.stack = stack;
        this.measured = measured;
        this.eps = eps;
        this.syslogLps = syslogLps;
        this.perMinute = perMinute;
        this.idle = idle;
    }

    Result run() throws Exception {
        stack.awaitBuiltinRules();
        new LatencyRules(stack).check();
        String source = "bench-latency-" + Long.toString(System.currentTimeMillis(), 36);
        String token = stack.createSource(source, SourceType.CLOUDTRAIL);
        boolean ownSyslog = !stack.sourceExists(SYSLOG_SOURCE);
        if (ownSyslog) {
            // a stack started here has none, and the listener keeps lines for a missing source as dead letters
            stack.createSource(SYSLOG_SOURCE, SourceType.SYSLOG);
        }
        System.out.printf("routine traffic: %,d CloudTrail records/s over HTTP into source %s (a batch every %d ms),"
                + " %,d syslog lines/s over TCP to port %d (host %s)%n", eps, source, IntakeLoad.TICK.toMillis(),
                syslogLps, stack.syslogPort(), events.host());
        System.out.printf("attacks: single = one StopConfigurationRecorder record from a new address (with the next"
                + " HTTP batch); correlation = %d failed sshd passwords from a new address in one burst over syslog%n",
                LatencyEvents.BRUTE_FORCE_FAILURES);
        try (var watch = new AlertWatch(stack)) {
            watch.start();
            try {
                return measure(watch, source, token);
            } finally {
                cleanUp(watch, ownSyslog);
            }
        }
    }

    private Result measure(AlertWatch watch, String source, String token) throws Exception {
        try (var intake = new IntakeLoad(stack, source, token, events, eps);
                var syslog = new SyslogLoad(stack.syslogPort(), events, syslogLps)) {
            var senders = new Senders(watch, intake, syslog);
            List<LatencyScenario> quiet = idle(senders);
            Loaded loaded = loaded(senders);
            List<LatencyScenario> busy = loaded.scenarios();
            var result = new Result(Figures.of(only(quiet, Kind.SINGLE)), Figures.of(only(quiet, Kind.CORRELATION)),
                    Figures.of(only(busy, Kind.SINGLE)), Figures.of(only(busy, Kind.CORRELATION)), loaded.httpEps(),
                    loaded.syslogLps());
            report(result, quiet, busy, watch);
            return result;
        }
    }

    /**
     * The baseline: attacks one at a time without the stream, each awaited before the next. The first of
     * each kind warms up (a source's first batch, a rule's first alert) and is not counted.
     */
    private List<LatencyScenario> idle(Senders senders) throws Exception {
        System.out.printf("baseline: %d attacks of each kind one at a time, no routine traffic (after one of each"
                + " uncounted)%n", idle);
        List<LatencyScenario> counted = new ArrayList<>();
        for (int i = 0; i < 2 * (idle + 1); i++) {
            LatencyScenario scenario = launch(i % 2 == 0 ? Kind.SINGLE : Kind.CORRELATION, senders);
            boolean resolved = scenario.await(AlertWatch.TIMEOUT.plusSeconds(5));
            senders.watch().check();
            if (!resolved) {
                throw new StackException("the " + scenario.kind().label + " attack from " + scenario.ip()
                        + " was neither seen nor missed: the alert watch is stuck");
            }
            if (i >= 2) {
                counted.add(scenario);
            }
        }
        return counted;
    }

    /**
     * The measure under load: the stream starts and settles, then attacks alternate at a fixed interval
     * over the measured period. The stream goes on until the last attack is seen or missed, so the last
     * ones meet the same traffic as the first; the rates are those of the measured period.
     */
    private Loaded loaded(Senders senders) throws Exception {
        int launches = (int) Math.max(2, 2L * perMinute * measured.toSeconds() / 60);
        long interval = measured.toNanos() / launches;
        senders.intake().start();
        senders.syslog().start();
        System.out.printf("routine traffic on: settling for %d s, then %d attacks (%d a minute of each kind,"
                + " alternating) over %d s, one every %d ms%n", SETTLE.toSeconds(), launches, perMinute,
                measured.toSeconds(), interval / 1_000_000);
        sleepUntil(System.nanoTime() + SETTLE.toNanos(), senders);
        long eventsBefore = senders.intake().accepted();
        long linesBefore = senders.syslog().lines();
        long start = System.nanoTime();
        List<LatencyScenario> scenarios = new ArrayList<>();
        for (int i = 0; i < launches; i++) {
            sleepUntil(start + i * interval, senders);
            scenarios.add(launch(i % 2 == 0 ? Kind.SINGLE : Kind.CORRELATION, senders));
        }
        sleepUntil(start + measured.toNanos(), senders);
        double seconds = (System.nanoTime() - start) / 1e9;
        double httpEps = (senders.intake().accepted() - eventsBefore) / seconds;
        double lps = (senders.syslog().lines() - linesBefore) / seconds;
        for (LatencyScenario scenario : scenarios) {
            // each is seen or missed within the timeout of its send, unless a stream or the watch stopped
            while (!scenario.await(Duration.ofMillis(200))) {
                check(senders);
            }
        }
        return new Loaded(scenarios, httpEps, lps);
    }

    /** Sends one attack from a new address; the watch looks for its alert from the moment it is sent. */
    private LatencyScenario launch(Kind kind, Senders senders) throws Exception {
        Instant now = Instant.now();
        var scenario = new LatencyScenario(kind, events.nextAttacker(), now);
        senders.watch().watch(scenario);
        sent.add(scenario);
        if (kind == Kind.SINGLE) {
            senders.intake().inject(events.configRecorderStopped(now, scenario.ip()), scenario);
        } else {
            // the last line written is the one that reaches the correlation's threshold
            senders.syslog().write(events.bruteForce(now, scenario.ip()));
            scenario.sent(System.nanoTime());
        }
        return scenario;
    }

    /** Sleeps until {@code deadline} ({@link System#nanoTime()}), checking the streams and the watch meanwhile. */
    private static void sleepUntil(long deadline, Senders senders) throws InterruptedException {
        for (long left; (left = deadline - System.nanoTime()) > 0;) {
            check(senders);
            Thread.sleep(Duration.ofNanos(Math.min(left, 100_000_000L)));
        }
        check(senders);
    }

    private static void check(Senders senders) {
        senders.intake().check();
        senders.syslog().check();
        senders.watch().check();
    }

    private static List<LatencyScenario> only(List<LatencyScenario> scenarios, Kind kind) {
        return scenarios.stream().filter(scenario -> scenario.kind() == kind).toList();
    }

    private void report(Result result, List<LatencyScenario> quiet, List<LatencyScenario> busy, AlertWatch watch) {
        for (List<LatencyScenario> phase : List.of(quiet, busy)) {
            phase.stream().filter(scenario -> !scenario.visible()).forEach(scenario -> System.out.printf(
                    "missed: %s attack from %s sent at %s, no alert within %d s%n", scenario.kind().label,
                    scenario.ip(), scenario.eventTime(), AlertWatch.TIMEOUT.toSeconds()));
        }
        String format = "%-8s %-12s %5s %8s %8s %8s %7s%n";
        System.out.printf(format, "phase", "kind", "seen", "p50 ms", "p95 ms", "max ms", "missed");
        row(format, "idle", Kind.SINGLE, result.idleSingle());
        row(format, "idle", Kind.CORRELATION, result.idleCorrelation());
        row(format, "loaded", Kind.SINGLE, result.single());
        row(format, "loaded", Kind.CORRELATION, result.correlation());
        System.out.printf("routine traffic achieved: HTTP %,.0f events/s (asked %,d), syslog %,.0f lines/s (asked %,d);"
                + " %,.0f events/s in all%n", result.httpEps(), eps, result.syslogLps(), syslogLps, result.eps());
        List<Double> polls = watch.pollTimes();
        if (!polls.isEmpty()) {
            System.out.printf("alert polls: %,d (every %d ms while an attack waited), median %.0f ms, p95 %.0f ms; a"
                    + " latency ends when the answer that lists the alert arrives%n", polls.size(),
                    AlertWatch.INTERVAL.toMillis(), SearchBench.percentile(polls, 50),
                    SearchBench.percentile(polls, 95));
        }
        System.out.printf("targets under load, p95: single <= %d ms (%s), correlation <= %d ms (%s)%n",
                SINGLE_TARGET_MS, verdict(result.single(), SINGLE_TARGET_MS), CORRELATION_TARGET_MS,
                verdict(result.correlation(), CORRELATION_TARGET_MS));
    }

    private static void row(String format, String phase, Kind kind, Figures figures) {
        System.out.printf(format, phase, kind.label, figures.count(), ms(figures.p50Ms()), ms(figures.p95Ms()),
                ms(figures.maxMs()), figures.missed());
    }

    private static String ms(double value) {
        return value < 0 ? "-" : String.format("%.0f", value);
    }

    private static String verdict(Figures figures, long targetMs) {
        return figures.count() == 0 ? "nothing seen" : figures.p95Ms() <= targetMs ? "met" : "not met";
    }

    /**
     * Closes the alerts this run raised and removes its lines from a syslog source it did not create (the
     * sources it created go with {@link BenchStack#dropCreatedSources}): a demo stack keeps its own data.
     */
    private void cleanUp(AlertWatch watch, boolean ownSyslog) throws Exception {
        Set<UUID> alerts = new LinkedHashSet<>();
        sent.stream().map(LatencyScenario::alertId).filter(Objects::nonNull).forEach(alerts::add);
        int closed = alerts.isEmpty() ? 0 : watch.closeAlerts(List.copyOf(alerts));
        System.out.printf("closed the %d alerts this benchmark raised (reason benign)%n", closed);
        if (!ownSyslog) {
            // the listener writes what it holds within its flush interval (500 ms by default)
            Thread.sleep(2000);
            long deleted = stack.deleteEvents(SYSLOG_SOURCE, "host.name", events.host());
            System.out.printf("removed this benchmark's %,d lines from source %s%n", deleted, SYSLOG_SOURCE);
        }
    }
}
