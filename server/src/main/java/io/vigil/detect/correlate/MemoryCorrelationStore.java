package io.vigil.detect.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Correlation state in this process's memory: for tests, the conformance run and the reference of what
 * the shared store must do. Not shared between replicas.
 */
public final class MemoryCorrelationStore implements CorrelationStore {

    private static final class Group {

        final TreeSet<CorrelationInput> inputs = new TreeSet<>(Windows.ORDER);
        final Set<String> ids = new HashSet<>();
        final Set<Long> fired = new HashSet<>();
        long settled = Long.MIN_VALUE;
    }

    private final Map<String, Map<String, Group>> rules = new ConcurrentHashMap<>();

    private Group group(String rule, String group) {
        return rules.computeIfAbsent(rule, k -> new HashMap<>()).computeIfAbsent(group, k -> new Group());
    }

    @Override
    public synchronized Added add(String rule, String group, List<CorrelationInput> inputs) {
        Group g = group(rule, group);
        int added = 0;
        int settled = 0;
        for (CorrelationInput input : inputs) {
            if (g.ids.add(input.rule() + "/" + input.id())) {
                g.inputs.add(input);
                added++;
                settled += input.time() <= g.settled ? 1 : 0;
            }
        }
        return new Added(added, settled);
    }

    @Override
    public synchronized List<CorrelationInput> between(String rule, String group, long from, long to) {
        Group g = group(rule, group);
        return new ArrayList<>(g.inputs.subSet(new CorrelationInput("", from, 0, null, null), true,
                new CorrelationInput("\uffff", to, Integer.MAX_VALUE, null, null), true));
    }

    @Override
    public synchronized Set<Long> fired(String rule, String group, long from, long to) {
        Set<Long> fired = new HashSet<>();
        group(rule, group).fired.stream().filter(end -> end >= from && end <= to).forEach(fired::add);
        return fired;
    }

    @Override
    public synchronized List<Window> fire(String rule, String group, List<Window> windows) {
        Group g = group(rule, group);
        return windows.stream().filter(w -> g.fired.add(w.end())).toList();
    }

    @Override
    public synchronized List<Pending> pending(String rule, long through, int limit) {
        List<Pending> pending = new ArrayList<>();
        rules.getOrDefault(rule, Map.of()).forEach((key, g) -> {
            CorrelationInput first = g.inputs
                    .higher(new CorrelationInput("\uffff", g.settled, Integer.MAX_VALUE, null, null));
            if (first != null && first.time() <= through && pending.size() < limit) {
                pending.add(new Pending(key, g.settled, first.time()));
            }
        });
        return pending;
    }

    @Override
    public synchronized void settle(String rule, String group, long through) {
        Group g = group(rule, group);
        g.settled = Math.max(g.settled, through);
    }

    @Override
    public synchronized long evict(String rule, long before) {
        long evicted = 0;
        for (Group g : rules.getOrDefault(rule, Map.of()).values()) {
            while (!g.inputs.isEmpty() && g.inputs.first().time() < before) {
                CorrelationInput gone = g.inputs.pollFirst();
                g.ids.remove(gone.rule() + "/" + gone.id());
                evicted++;
            }
        }
        return evicted;
    }

    @Override
    public synchronized long shed(String rule, long keep) {
        var groups = rules.getOrDefault(rule, Map.of()).values();
        long held = groups.stream().mapToLong(g -> g.inputs.size()).sum();
        long shed = 0;
        while (held - shed > keep) {
            // the group whose oldest input is the oldest of all loses it
            Group oldest = groups.stream().filter(g -> !g.inputs.isEmpty())
                    .min(java.util.Comparator.comparingLong(g -> g.inputs.first().time())).orElseThrow();
            CorrelationInput gone = oldest.inputs.pollFirst();
            oldest.ids.remove(gone.rule() + "/" + gone.id());
            shed++;
        }
        return shed;
    }
}
