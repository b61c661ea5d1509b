package io.vigil.detect.notify;

import java.time.Duration;

/** The wait before the next attempt of a delivery: doubling from the first wait, up to a cap. */
record Backoff(Duration first, Duration cap, int attempts) {

    /** The wait after the given number of failed attempts (1 or more). */
    Duration after(int failed) {
        Duration wait = first.multipliedBy(1L << Math.min(20, Math.max(0, failed - 1)));
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    /** Whether a delivery that failed this many times is given up (shown to admins as failed). */
    boolean givesUp(int failed) {
        return failed >= attempts;
    }
}
