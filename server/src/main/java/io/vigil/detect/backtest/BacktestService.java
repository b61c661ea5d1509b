package io.vigil.detect.backtest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.detect.query.QueryTranslationException;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.event.Ecs;
import io.vigil.index.EventIndices;
import io.vigil.index.RawQueries;
import io.vigil.index.StoreUnavailableException;
import io.vigil.index.query.Dsl;
import io.vigil.search.SearchScope;

/**
 * Backtests: a rule translated to an OpenSearch query (the same AST the matcher runs at ingest,
 * ADR 6) and counted over stored events, one histogram bar per request from the newest, so a long
 * range shows progress and the newest matching events first. Runs in the background; the console
 * polls {@link #get}. Jobs are kept in memory (the last {@value #KEPT}); at most two run at once.
 */
@ApplicationScoped
public class BacktestService {

    private static final Logger LOG = Logger.getLogger(BacktestService.class);
    static final int KEPT = 50;
    static final int SAMPLES = 10;
    private static final int SAMPLE_JSON_CHARS = 4000;

    private final RawQueries raw;
    private final RuleQueries queries;
    private final Clock clock;
    private final Semaphore running = new Semaphore(2);
    private final Map<String, Backtest> jobs = new LinkedHashMap<>();
    private final Map<String, Boolean> cancelled = new java.util.concurrent.ConcurrentHashMap<>();

    BacktestService(RawQueries raw, RuleQueries queries) {
        this.raw = raw;
        this.queries = queries;
        this.clock = Clock.systemUTC();
    }

    /**
     * Starts a backtest of the rule over the range, over the events of the sources {@code scope} allows
     * (the user's data scope, as every other read), and returns it at once (RUNNING, or FAILED when the
     * rule has no exact query: the reason names the feature).
     */
    public Backtest start(SigmaRule rule, BacktestRange range, SearchScope scope) {
        Instant to = clock.instant();
        Instant from = to.minus(range.length());
        List<Backtest.Bar> bars = new ArrayList<>();
        for (Instant end = to; end.isAfter(from); end = end.minus(range.bar())) {
            Instant start = end.minus(range.bar()).isBefore(from) ? from : end.minus(range.bar());
            bars.add(0, new Backtest.Bar(start, end, 0, false));
        }
        Backtest job = new Backtest(UUID.randomUUID().toString(), rule.id(), rule.title(), range.text(), from, to, bars,
                0, List.of(), Backtest.State.RUNNING, null, Duration.ZERO);
        // no queue: a third backtest is refused at once rather than waiting unseen behind the others
        if (!running.tryAcquire()) {
            Backtest refused = job.ended(Backtest.State.FAILED, "Two backtests are running already; start this one"
                    + " when one of them has finished.", Duration.ZERO);
            put(refused);
            return refused;
        }
        put(job);
        Thread.ofVirtual().name("backtest-" + job.id()).start(() -> {
            try {
                run(job, rule, scope);
            } finally {
                running.release();
                cancelled.remove(job.id());
            }
        });
        return job;
    }

    public Optional<Backtest> get(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** Stops a running backtest after its current slice; what was counted stays. */
    public void cancel(String id) {
        if (get(id).map(Backtest::running).orElse(false)) {
            cancelled.put(id, true);
        }
    }

    private void run(Backtest job, SigmaRule rule, SearchScope scope) {
        long started = System.nanoTime();
        Backtest current = job;
        try {
            ObjectNode ruleQuery = queries.of(rule);
            List<Backtest.Bar> bars = new ArrayList<>(job.bars());
            List<Backtest.Sample> samples = new ArrayList<>();
            long hits = 0;
            // newest first: the samples are the newest matches and the recent bars fill in first
            for (int i = bars.size() - 1; i >= 0; i--) {
                if (cancelled.remove(job.id()) != null) {
                    put(current.ended(Backtest.State.CANCELLED, "cancelled", since(started)));
                    return;
                }
                Backtest.Bar bar = bars.get(i);
                JsonNode answer = raw.search(EventIndices.ALL_EVENTS, slice(ruleQuery, scope, bar,
                        SAMPLES - samples.size()));
                long count = answer.path("hits").path("total").path("value").asLong();
                answer.path("hits").path("hits").forEach(hit -> samples.add(sample(hit)));
                hits += count;
                bars.set(i, new Backtest.Bar(bar.start(), bar.end(), count, true));
                current = current.with(bars, hits, samples);
                put(current);
            }
            put(current.ended(Backtest.State.DONE, null, since(started)));
        } catch (QueryTranslationException e) {
            put(current.ended(Backtest.State.FAILED, "This rule has no exact OpenSearch query: " + e.getMessage(),
                    since(started)));
        } catch (RawQueries.RefusedException e) {
            put(current.ended(Backtest.State.FAILED, "OpenSearch refused the rule's query: " + e.getMessage(),
                    since(started)));
        } catch (StoreUnavailableException e) {
            put(current.ended(Backtest.State.FAILED, e.getMessage(), since(started)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "backtest %s of rule %s failed", job.id(), rule.id());
            put(current.ended(Backtest.State.FAILED, "the backtest failed: " + e, since(started)));
        }
    }

    private static ObjectNode slice(ObjectNode ruleQuery, SearchScope scope, Backtest.Bar bar, int samples) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("size", Math.max(0, samples));
        body.put("track_total_hits", true);
        body.put("timeout", "60s");
        body.putArray("sort").addObject().putObject("@timestamp").put("order", "desc");
        body.putObject("_source").putArray("excludes").add(Ecs.EVENT_ORIGINAL);
        ObjectNode range = JsonNodeFactory.instance.objectNode();
        range.putObject("range").putObject("@timestamp").put("gte", bar.start().toString())
                .put("lt", bar.end().toString());
        body.set("query", Dsl.and(List.of(range, scope.filter(), ruleQuery)));
        return body;
    }

    private static Backtest.Sample sample(JsonNode hit) {
        JsonNode source = hit.path("_source");
        String json = source.toPrettyString();
        return new Backtest.Sample(source.path("@timestamp").asText(), hit.path("_index").asText(),
                hit.path("_id").asText(), source.path("vigil").path("source").asText(""), summary(source),
                json.length() > SAMPLE_JSON_CHARS ? json.substring(0, SAMPLE_JSON_CHARS) + "\n…" : json);
    }

    /** A line to recognise the event by: its message, or what CloudTrail / Windows / ECS say happened. */
    static String summary(JsonNode source) {
        List<String> parts = new ArrayList<>();
        add(parts, source.path("message"));
        if (parts.isEmpty()) {
            add(parts, source.path("eventSource"));
            add(parts, source.path("eventName"));
            add(parts, source.path("event").path("action"));
            add(parts, source.path("winlog").path("event_id"));
        }
        add(parts, source.path("user").path("name"));
        add(parts, source.path("source").path("ip"));
        add(parts, source.path("host").path("name"));
        String line = String.join(" · ", parts);
        if (line.isEmpty()) {
            return null;
        }
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static void add(List<String> parts, JsonNode value) {
        if (value.isValueNode() && !value.asText().isBlank()) {
            parts.add(value.asText());
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private void put(Backtest job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
            // the oldest finished ones go; running jobs stay until they end (at most two run)
            Iterator<Backtest> oldest = jobs.values().iterator();
            while (jobs.size() > KEPT && oldest.hasNext()) {
                if (!oldest.next().running()) {
                    oldest.remove();
                }
            }
        }
    }
}
