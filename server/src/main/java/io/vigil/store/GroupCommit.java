package io.vigil.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs what concurrent callers hand in as one piece of work, the way a database commits many
 * transactions with one log flush. A caller hands its items in and waits until they are done; a caller
 * that finds no run under way takes every item waiting (its own and those of callers that came while the
 * last run went on) and runs them at once. So at most one run is under way per instance, and a caller
 * waits at most for the run under way and its own.
 *
 * <p>Why: ingest threads each wrote their batch's alerts and correlation state in statements and
 * transactions of their own, and the statements, not the rows, were the cost; while one run is under
 * way the next callers' items gather, so the busier ingest is, the more each run takes in. The run's
 * failure is every caller's failure: each then deals with its own items (keeps them for later, logs).
 */
public final class GroupCommit<T> {

    /** One caller's items and how their run ended. */
    private static final class Ticket<T> {

        final List<T> items;
        boolean done;
        RuntimeException failure;

        Ticket(List<T> items) {
            this.items = items;
        }
    }

    private final Consumer<List<T>> run;
    private final Object lock = new Object();
    private List<Ticket<T>> waiting = new ArrayList<>();
    private boolean running;

    /** {@code run} takes the items of every caller in one call; it is never called twice at once. */
    public GroupCommit(Consumer<List<T>> run) {
        this.run = run;
    }

    /** Runs the items, with any others waiting; returns once they ran, throws what their run threw. */
    public void submit(List<T> items) {
        Ticket<T> mine = new Ticket<>(items);
        List<Ticket<T>> batch;
        boolean interrupted = false;
        synchronized (lock) {
            waiting.add(mine);
            while (running && !mine.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // the items are handed in: another caller may be running them, so wait for the end
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (mine.done) {
                rethrow(mine);
                return;
            }
            running = true;
            batch = waiting;
            waiting = new ArrayList<>();
        }
        RuntimeException failure = null;
        try {
            List<T> all = new ArrayList<>();
            batch.forEach(t -> all.addAll(t.items));
            run.accept(all);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException(e);
            throw e;
        } finally {
            synchronized (lock) {
                for (Ticket<T> t : batch) {
                    t.done = true;
                    t.failure = failure;
                }
                running = false;
                lock.notifyAll();
            }
        }
        rethrow(mine);
    }

    private static <T> void rethrow(Ticket<T> ticket) {
        if (ticket.failure != null) {
            throw ticket.failure;
        }
    }
}
