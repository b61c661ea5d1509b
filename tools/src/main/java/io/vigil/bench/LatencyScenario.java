package io.vigil.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One attack of a latency run: the rule that should alert for its address, when its last needed
 * event left this client, and when an alert of it was first seen through the API, or that none was
 * in time. Its sender marks it sent, the {@link AlertWatch} resolves it, the run waits for it.
 */
final class LatencyScenario {

    /** What is timed: a single-event rule's alert, and a correlation's. */
    enum Kind {

        SINGLE("single", LatencyEvents.SINGLE_RULE),
        CORRELATION("correlation", LatencyEvents.CORRELATION_RULE);

        final String label;
        final String ruleId;

        Kind(String label, String ruleId) {
            this.label = label;
            this.ruleId = ruleId;
        }
    }

    private final Kind kind;
    private final String ip;
    private final Instant eventTime;
    private final CountDownLatch resolved = new CountDownLatch(1);
    private long sentNanos;
    /** Written after {@link #sentNanos}: whoever reads it true sees that value too. */
    private volatile boolean sent;
    private volatile long latencyNanos = -1;
    private volatile UUID alertId;

    LatencyScenario(Kind kind, String ip, Instant eventTime) {
        this.kind = kind;
        this.ip = ip;
        this.eventTime = eventTime;
    }

    Kind kind() {
        return kind;
    }

    /** The attacker's address: the alert's group value ({@code source.ip}) that tells this attack's alert. */
    String ip() {
        return ip;
    }

    /** The time its events carry (alerts are filtered by event time). */
    Instant eventTime() {
        return eventTime;
    }

    /** Its last needed event left this client at {@code nanos} ({@link System#nanoTime()}). */
    void sent(long nanos) {
        sentNanos = nanos;
        sent = true;
    }

    boolean isSent() {
        return sent;
    }

    /** Its alert was in an answer that arrived at {@code nanos}: the latency runs from the send to then. */
    void seen(long nanos, UUID alert) {
        alertId = alert;
        latencyNanos = nanos - sentNanos;
        resolved.countDown();
    }

    /** No alert in time. */
    void missed() {
        resolved.countDown();
    }

    boolean overdue(long nanos, Duration timeout) {
        return sent && nanos - sentNanos > timeout.toNanos();
    }

    /** Waits until it is seen or missed; false when neither happened within {@code timeout}. */
    boolean await(Duration timeout) throws InterruptedException {
        return resolved.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean visible() {
        return latencyNanos >= 0;
    }

    double latencyMs() {
        return latencyNanos / 1e6;
    }

    /** The alert it raised (or extended), once seen; else null. */
    UUID alertId() {
        return alertId;
    }
}
