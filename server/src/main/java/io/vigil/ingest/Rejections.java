package io.vigil.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

import io.vigil.index.DeadLetters.DeadLetter;

/**
 * The rejections of one request, in bounded memory whatever their number: the answer lists the
 * {@link IngestResult#MAX_LISTED} with the lowest lines, the first {@link #DEAD_LETTER_CAP} become
 * dead letters each, and the rest are counted by reason into one summary dead letter. A request of a
 * million bad records thus costs a thousand dead letters, not a million (and not the heap).
 */
final class Rejections {

    static final int DEAD_LETTER_CAP = 1000;
    private static final int REASONS_COUNTED = 20;

    private final String source;
    private final Origin origin;
    private final int listed;
    private final int letterCap;
    // the highest line on top, so that the lowest ones stay
    private final PriorityQueue<IngestResult.Rejection> answer = new PriorityQueue<>(
            Comparator.comparingInt(IngestResult.Rejection::line).reversed());
    private final List<DeadLetter> letters = new ArrayList<>();
    private final Map<String, Integer> uncutReasons = new LinkedHashMap<>();
    private int count;
    private int firstUnkeptLine = -1;

    Rejections(String source, Origin origin) {
        this(source, origin, IngestResult.MAX_LISTED, DEAD_LETTER_CAP);
    }

    Rejections(String source, Origin origin, int listed, int letterCap) {
        this.source = source;
        this.origin = origin;
        this.listed = listed;
        this.letterCap = letterCap;
    }

    void add(int line, int status, String reason, String raw) {
        count++;
        answer.add(new IngestResult.Rejection(line, status, reason));
        if (answer.size() > listed) {
            answer.poll();
        }
        if (letters.size() < letterCap) {
            letters.add(new DeadLetter(source, origin.location(line), reason, raw));
            return;
        }
        if (firstUnkeptLine < 0) {
            firstUnkeptLine = line;
        }
        String key = uncutReasons.containsKey(reason) || uncutReasons.size() < REASONS_COUNTED ? reason : "other";
        uncutReasons.merge(key, 1, Integer::sum);
    }

    int count() {
        return count;
    }

    /** The listed rejections, by line. */
    List<IngestResult.Rejection> listed() {
        List<IngestResult.Rejection> sorted = new ArrayList<>(answer);
        sorted.sort(Comparator.comparingInt(IngestResult.Rejection::line));
        return sorted;
    }

    boolean truncated() {
        return count > listed;
    }

    /** The dead letters to keep: one per rejection up to the cap, then one that sums up the rest. */
    List<DeadLetter> deadLetters() {
        if (uncutReasons.isEmpty()) {
            return letters;
        }
        int unkept = count - letters.size();
        List<DeadLetter> all = new ArrayList<>(letters);
        all.add(new DeadLetter(source, origin.location(firstUnkeptLine), String.format(Locale.ROOT,
                "%,d further rejections of this request are not kept one by one (at most %,d per request); by"
                        + " reason: %s",
                unkept, letterCap, uncutReasons.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%,d × %s", e.getValue(), e.getKey()))
                        .collect(Collectors.joining("; "))),
                ""));
        return all;
    }

    /** Says in the answer that not every rejection was kept as a dead letter, or null when all were. */
    String notice() {
        if (uncutReasons.isEmpty()) {
            return null;
        }
        return String.format(Locale.ROOT, "%,d rejections: the first %,d are kept as dead letters, the rest are"
                + " counted by reason in one more dead letter.", count, letterCap);
    }
}
