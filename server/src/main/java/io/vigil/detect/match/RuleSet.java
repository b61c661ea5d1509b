package io.vigil.detect.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.vigil.detect.sigma.SigmaRule;

/**
 * All enabled rules, ready to run on every ingested event without one check per rule. Rules are first
 * bucketed by logsource: only rules whose stated product, service and category equal the event's
 * {@link EventContext} are considered. Within a bucket each rule is filed under a necessary condition
 * derived from its detection ({@link RequiredAtoms}: field equalities and contains texts); an event
 * looks up its own values of the indexed fields and runs only the rules they point to, plus the rules
 * for which no necessary condition was found. The index only ever narrows by conditions every match
 * satisfies, so the result is exactly the set of compatible rules whose {@link RuleMatcher} matches.
 *
 * <p>Immutable and thread-safe. The per-context index is built on first use and cached; contexts are
 * first reduced to the logsource values some rule states, so the cache is bounded by the rule set.
 */
public final class RuleSet {

    /** A rule under the key the caller knows it by (its id, or id and version). */
    public record Entry(String key, SigmaRule rule) {
    }

    private record Source(String product, String service, String category) {
    }

    private record Compiled(Dispatch.Rule rule, Source source) {
    }

    private final List<Compiled> rules;
    private final Map<Source, List<Integer>> bySource = new HashMap<>();
    private final Set<String> products = new HashSet<>();
    private final Set<String> services = new HashSet<>();
    private final Set<String> categories = new HashSet<>();
    private final Map<EventContext, Dispatch> dispatches = new ConcurrentHashMap<>();

    private RuleSet(List<Entry> entries) {
        List<Compiled> compiled = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            SigmaRule.LogSource ls = e.rule().logsource();
            Source source = ls == null
                    ? new Source(null, null, null)
                    : new Source(EventContext.normal(ls.product()), EventContext.normal(ls.service()),
                            EventContext.normal(ls.category()));
            compiled.add(new Compiled(new Dispatch.Rule(e.key(), RuleMatcher.of(e.rule()),
                    RequiredAtoms.of(e.rule().detection())), source));
            bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(compiled.size() - 1);
            addIfStated(products, source.product());
            addIfStated(services, source.service());
            addIfStated(categories, source.category());
        }
        this.rules = List.copyOf(compiled);
    }

    public static RuleSet of(List<Entry> entries) {
        return new RuleSet(entries);
    }

    public int size() {
        return rules.size();
    }

    /** Keys of the rules that match, in the order the rules were given; an empty list when none does. */
    public List<String> matching(EventFields event, EventContext context) {
        List<String> keys = new ArrayList<>(0);
        forEachMatch(event, context, keys::add);
        return keys.isEmpty() ? List.of() : keys;
    }

    /** Hands each matching rule's key to the sink; allocates only a small bit set when nothing matches. */
    public void forEachMatch(EventFields event, EventContext context, Consumer<String> sink) {
        dispatch(context).forEachMatch(event, sink);
    }

    /** What one rule's check of one event took. */
    @FunctionalInterface
    public interface Timing {

        void rule(String key, boolean matched, long nanos);
    }

    /**
     * Checks the event as {@link #forEachMatch} does, reporting each checked rule with its time. Slower
     * (a clock read per rule): used only on events whose whole check was slow.
     */
    public void timeEach(EventFields event, EventContext context, Timing timing) {
        dispatch(context).timeEach(event, timing);
    }

    /**
     * How the bucket for a context came out: rules with a fitting logsource, how many of them are
     * checked on every event, and how many fields each event looks up.
     */
    public String describe(EventContext context) {
        Dispatch.Shape shape = dispatch(context).shape();
        return shape.rules() + " rules, " + shape.alwaysChecked() + " always checked, " + shape.fields()
                + " index fields";
    }

    private Dispatch dispatch(EventContext context) {
        EventContext known = new EventContext(stated(products, context.product()),
                stated(services, context.service()), stated(categories, context.category()));
        return dispatches.computeIfAbsent(known, this::build);
    }

    /** The rules of every logsource the context fits: each stated part equal, or left out. */
    private Dispatch build(EventContext c) {
        List<Integer> ids = new ArrayList<>();
        for (String p : alternatives(c.product())) {
            for (String s : alternatives(c.service())) {
                for (String cat : alternatives(c.category())) {
                    ids.addAll(bySource.getOrDefault(new Source(p, s, cat), List.of()));
                }
            }
        }
        ids.sort(null);
        return new Dispatch(ids.stream().map(i -> rules.get(i).rule()).toList());
    }

    private static List<String> alternatives(String value) {
        List<String> values = new ArrayList<>(2);
        values.add(null);
        if (value != null) {
            values.add(value);
        }
        return values;
    }

    /** A value no rule states fits exactly the rules that state nothing, like an absent value. */
    private static String stated(Set<String> values, String value) {
        return value != null && values.contains(value) ? value : null;
    }

    private static void addIfStated(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }
}
