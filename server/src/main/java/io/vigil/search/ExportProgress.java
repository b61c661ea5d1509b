package io.vigil.search;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** One export: who runs it, how far it is, and whether it should stop. */
public final class ExportProgress {

    final String owner;
    final Instant started;
    final AtomicLong written = new AtomicLong();
    volatile long total = -1;
    volatile boolean cancelled;
    /** More events matched than an export may hold: the file has the newest of them. */
    volatile boolean capped;
    volatile String state = "starting";

    ExportProgress(String owner, Instant started) {
        this.owner = owner;
        this.started = started;
    }

    public long written() {
        return written.get();
    }

    public long total() {
        return total;
    }

    public String state() {
        return state;
    }

    public int percent() {
        return total <= 0 ? (state.startsWith("done") ? 100 : 0) : (int) Math.min(100, written.get() * 100 / total);
    }

    public boolean running() {
        return state.equals("starting") || state.equals("running");
    }
}
