package io.vigil.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The judgement of one oracle set: how many decisions were judged, how many agree with the reference,
 * and every disagreement, either explained (a stated, checkable reason puts it on the reference) or
 * not. Also counts the positive decisions of each side, which say more than the mostly-negative total.
 */
final class SetOutcome {

    final String name;
    /** What one decision is, for the printout: "(rule, event) pair", "rule". */
    final String unit;
    int judged;
    int agreed;
    int referencePositives;
    int vigilPositives;
    int bothPositive;
    final Map<String, List<String>> explained = new TreeMap<>();
    final List<String> differences = new ArrayList<>();
    /** Decisions the reference never made, by reason: counted apart, listed where Vigil matches. */
    final Map<String, List<String>> notJudged = new TreeMap<>();
    int notJudgedCount;

    SetOutcome(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    /** One decision: does the rule fire ({@code vigil}) where the reference says {@code reference}? */
    void positives(boolean vigil, boolean reference) {
        vigilPositives += vigil ? 1 : 0;
        referencePositives += reference ? 1 : 0;
        bothPositive += vigil && reference ? 1 : 0;
    }

    void agree() {
        judged++;
        agreed++;
    }

    void explained(String reason, String item) {
        judged++;
        explained.computeIfAbsent(reason, r -> new ArrayList<>()).add(item);
    }

    /** A decision left out of the judgement; {@code item} is listed when not null. */
    void notJudged(String reason, String item) {
        notJudgedCount++;
        List<String> items = notJudged.computeIfAbsent(reason, r -> new ArrayList<>());
        if (item != null) {
            items.add(item);
        }
    }

    void difference(String item) {
        judged++;
        differences.add(item);
    }

    int explainedCount() {
        return explained.values().stream().mapToInt(List::size).sum();
    }

    String agreement() {
        return percent(agreed, judged);
    }

    void print() {
        System.out.println();
        System.out.printf(Locale.ROOT,
                "%s: %d decisions (one per %s), agreed %d (%s%%), explained %d, differences %d;"
                        + " matches: reference %d, Vigil %d, both %d%n",
                name, judged, unit, agreed, agreement(), explainedCount(), differences.size(), referencePositives,
                vigilPositives, bothPositive);
        explained.forEach((reason, items) -> {
            System.out.println("  EXPLAINED " + items.size() + "x: " + reason);
            items.forEach(i -> System.out.println("      " + i));
        });
        notJudged.forEach((reason, items) -> {
            System.out.println("  NOT JUDGED " + notJudgedCount + " decisions, " + reason + "; where Vigil matches:");
            items.forEach(i -> System.out.println("      " + i));
        });
        differences.forEach(d -> System.out.println("  DIFFERENCE " + d));
    }

    /** One decimal, rounded down, so 100.0 means every decision agreed. */
    static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.1f", whole == 0 ? 0.0 : Math.floor(1000.0 * part / whole) / 10);
    }
}
