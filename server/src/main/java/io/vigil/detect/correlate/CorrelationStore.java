package io.vigil.detect.correlate;

import java.util.List;

/**
 * Where correlation state lives: every input of a rule and group, the windows already fired, and how far
 * each group of a waiting rule is settled. Shared by all replicas (PostgreSQL), or in memory for one
 * process (tests, conformance). Implementations make {@link #add} and {@link #fire} idempotent, so two
 * replicas that both evaluate a window record it once.
 */
public interface CorrelationStore {

    /** What {@link #add} kept. */
    record Added(int added, int settledAlready) {
    }

    /** A group of a waiting rule with inputs after the time it is settled through. */
    record Pending(String group, long settledThrough, long firstUnsettled) {
    }

    /**
     * Keeps the inputs of one rule and group; an input kept already (same id from the same correlated
     * rule) is not kept again.
     * Inputs at or before the group's settled time are kept but counted in {@code settledAlready}: the
     * windows they belong to were decided without them.
     */
    Added add(String rule, String group, List<CorrelationInput> inputs);

    /** The group's inputs from {@code from} to {@code to} (both included), in {@link Windows#ORDER}. */
    List<CorrelationInput> between(String rule, String group, long from, long to);

    /** Records fired windows (by their end); returns those not recorded before. */
    List<Window> fire(String rule, String group, List<Window> windows);

    /** Groups of the rule with inputs after their settled time and at or before {@code through}. */
    List<Pending> pending(String rule, long through, int limit);

    /** The group's windows ending at or before {@code through} are decided. */
    void settle(String rule, String group, long through);

    /** Forgets inputs older than {@code before} (no open window can reach them); returns how many. */
    long evict(String rule, long before);

    /**
     * Keeps at most {@code keep} inputs of the rule, the newest: the rest are shed (windows that would have
     * reached them may no longer fire, so the rule's health counts them and admins get an alert). Returns
     * how many were shed.
     */
    long shed(String rule, long keep);
}
