package io.vigil.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.devstack.StackException;

/**
 * Watches {@code GET /api/alerts} as an analyst, for the alerts of the attacks sent. One poller serves
 * every attack still waiting: one request every 50 ms while any waits, for the alerts whose last event
 * is no older than the oldest waiting attack's, so the load it adds is one small query at a time
 * however many attacks are out. An attack is seen when an alert of its rule has its address as group
 * value ({@code source.ip}); after 30 s it is missed.
 */
final class AlertWatch implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Duration INTERVAL = Duration.ofMillis(50);
    /** The realm's access tokens live 5 minutes; one is taken anew well before. */
    private static final Duration TOKEN_AGE = Duration.ofMinutes(4);
    /** Alerts are filtered by event time, CloudTrail's in whole seconds: the range starts a little earlier. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    /** The most alerts one request lists (AlertResource's limit). */
    private static final int LIMIT = 1000;
    /** Consecutive failed polls (a second's worth) that end the watch. */
    private static final int MAX_FAILURES = 20;
    private static final String USER = "analyst";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchStack stack;
    private final List<LatencyScenario> waiting = new ArrayList<>();
    /** Request times of the polls (ms). */
    private final List<Double> pollMs = Collections.synchronizedList(new ArrayList<>());
    private final Thread poller;
    private volatile boolean running = true;
    private volatile Exception failure;
    private String token;
    private long tokenAt;

    AlertWatch(BenchStack stack) {
        this.stack = stack;
        this.poller = Thread.ofPlatform().daemon().name("alert-watch").unstarted(this::poll);
    }

    /** Signs in (here, so that a refusal stops the run at once) and starts polling. */
    void start() throws Exception {
        token();
        poller.start();
    }

    /** Looks for this attack's alert from the moment it is marked sent. */
    void watch(LatencyScenario scenario) {
        synchronized (waiting) {
            waiting.add(scenario);
        }
    }

    /** Throws what ended the watch, if something did. */
    void check() {
        Exception failed = failure;
        if (failed != null) {
            throw new StackException("watching GET /api/alerts failed: " + failed.getMessage(), failed);
        }
    }

    /** How long the polls took so far (ms), to read the latencies against. */
    List<Double> pollTimes() {
        synchronized (pollMs) {
            return List.copyOf(pollMs);
        }
    }

    private void poll() {
        int failures = 0;
        while (running) {
            long start = System.nanoTime();
            try {
                pollOnce();
                failures = 0;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (++failures >= MAX_FAILURES) {
                    failure = e;
                    giveUp();
                    return;
                }
            }
            long rest = start + INTERVAL.toNanos() - System.nanoTime();
            try {
                if (rest > 0) {
                    Thread.sleep(Duration.ofNanos(rest));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void pollOnce() throws Exception {
        List<LatencyScenario> sent;
        synchronized (waiting) {
            sent = waiting.stream().filter(LatencyScenario::isSent).toList();
        }
        if (sent.isEmpty()) {
            return;
        }
        Instant oldest = sent.stream().map(LatencyScenario::eventTime).min(Comparator.naturalOrder()).orElseThrow();
        String from = oldest.minus(SLACK).truncatedTo(ChronoUnit.SECONDS).toString();
        // an hour past now: the range ends after every alert whatever the two clocks say
        String to = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        var request = HttpRequest.newBuilder(URI.create(stack.vigilUrl() + "/api/alerts?from=" + encode(from)
                + "&to=" + encode(to) + "&limit=" + LIMIT)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token()).GET().build();
        long asked = System.nanoTime();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (response.statusCode() == 401) {
            forgetToken();
        }
        if (response.statusCode() != 200) {
            throw new StackException("GET /api/alerts answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        pollMs.add((answered - asked) / 1e6);
        Map<String, UUID> alerts = new HashMap<>();
        for (JsonNode alert : json.readTree(response.body())) {
            alerts.put(key(alert.path("rule").path("id").asText(), alert.path("group").path("source.ip").asText()),
                    UUID.fromString(alert.path("id").asText()));
        }
        List<LatencyScenario> resolved = new ArrayList<>();
        for (LatencyScenario scenario : sent) {
            UUID alert = alerts.get(key(scenario.kind().ruleId, scenario.ip()));
            if (alert != null) {
                scenario.seen(answered, alert);
                resolved.add(scenario);
            } else if (scenario.overdue(answered, TIMEOUT)) {
                scenario.missed();
                resolved.add(scenario);
            }
        }
        synchronized (waiting) {
            waiting.removeAll(resolved);
        }
    }

    private static String key(String ruleId, String ip) {
        return ruleId + " " + ip;
    }

    /** The watch ended: every attack still waiting is missed, so that nobody waits for it in vain. */
    private void giveUp() {
        synchronized (waiting) {
            waiting.forEach(LatencyScenario::missed);
            waiting.clear();
        }
    }

    /**
     * Closes the alerts of this run (reason benign): on a stack of {@code ./vigil up} the open queue
     * then shows the demo's alerts, not a benchmark's. Returns how many it closed.
     */
    int closeAlerts(List<UUID> ids) throws Exception {
        int closed = 0;
        for (int i = 0; i < ids.size(); i += LIMIT) {
            String body = json.writeValueAsString(Map.of("ids", ids.subList(i, Math.min(ids.size(), i + LIMIT)),
                    "action", "close", "reason", "benign"));
            var response = http.send(HttpRequest.newBuilder(URI.create(stack.vigilUrl() + "/api/alerts/triage"))
                    .timeout(Duration.ofMinutes(1)).header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StackException("POST /api/alerts/triage answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            for (JsonNode outcome : json.readTree(response.body())) {
                // an alert closed already (by someone, or a repeat id) says why not in "problem"
                closed += outcome.hasNonNull("problem") ? 0 : 1;
            }
        }
        return closed;
    }

    /** The analyst's token, taken anew before it expires; the poller and the run's end both use it. */
    private synchronized String token() throws Exception {
        if (token == null || System.nanoTime() - tokenAt > TOKEN_AGE.toNanos()) {
            token = stack.accessToken(USER);
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            // join(long), not join(Duration): it also returns for a poller never started (sign-in refused)
            poller.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
