package io.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.devstack.StackException;

/**
 * Routine CloudTrail records through the HTTP intake at a steady rate: one batch every 100 ms, each
 * due at its own time counted from the start, so that a late answer does not push the later batches
 * back and the rate offered stays the rate asked; what the server kept up with is the rate achieved. A
 * few threads send, so one slow answer does not stall the stream. An attack handed to {@link #inject}
 * rides in the next batch, mixed in as a shipper would send it.
 */
final class IntakeLoad implements AutoCloseable {

    static final int TICKS_PER_SECOND = 10;
    static final Duration TICK = Duration.ofMillis(1000 / TICKS_PER_SECOND);
    /** Batches in flight at most: a server that falls behind shows in the rate achieved, not in a queue here. */
    private static final int SENDERS = 4;

    private record Injected(String text, LatencyScenario scenario) {
    }

    private final ObjectMapper json = new ObjectMapper();
    /** HTTP/1.1, a connection per sender, as shippers post; no h2c upgrade. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String token;
    private final LatencyEvents events;
    private final int eps;
    private final Queue<Injected> injected = new ConcurrentLinkedQueue<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong nextBatch = new AtomicLong();
    private ExecutorService senders;
    private long start;
    private volatile boolean running;
    private volatile Exception failure;

    IntakeLoad(BenchStack stack, String source, String token, LatencyEvents events, int eps) {
        this.url = stack.vigilUrl() + "/api/ingest/" + source;
        this.token = token;
        this.events = events;
        this.eps = eps;
    }

    /** Starts the stream; at 0 events/s there is none, and attacks go alone. */
    void start() {
        if (eps <= 0) {
            return;
        }
        start = System.nanoTime();
        running = true;
        senders = Executors.newFixedThreadPool(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.execute(this::sendBatches);
        }
    }

    /**
     * Sends an attack's record: in the next batch while the stream runs, else in a request of its own.
     * The attack counts as sent when the request that carries it starts.
     */
    void inject(String record, LatencyScenario scenario) throws Exception {
        if (running) {
            injected.add(new Injected(record, scenario));
            return;
        }
        scenario.sent(System.nanoTime());
        post(record + "\n");
    }

    /** Events the intake has accepted so far, routine and attacks. */
    long accepted() {
        return accepted.get();
    }

    /** Throws what stopped the stream, if something did. */
    void check() {
        Exception failed = failure;
        if (failed != null) {
            throw new StackException("the HTTP load stopped: " + failed.getMessage(), failed);
        }
    }

    private void sendBatches() {
        try {
            while (running) {
                long batch = nextBatch.getAndIncrement();
                long wait = start + batch * TICK.toNanos() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                if (!running) {
                    return;
                }
                // spread the rate's remainder over the ticks: 2,005 events/s is 200 or 201 a batch
                send((int) (eps * (batch + 1) / TICKS_PER_SECOND - eps * batch / TICKS_PER_SECOND));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
            running = false;
        }
    }

    private void send(int routine) throws Exception {
        Instant now = Instant.now();
        StringBuilder body = new StringBuilder(routine * 700 + 1000);
        for (int i = 0; i < routine; i++) {
            body.append(events.routineRecord(now)).append('\n');
        }
        List<LatencyScenario> carried = new ArrayList<>();
        for (Injected attack; (attack = injected.poll()) != null;) {
            body.append(attack.text()).append('\n');
            carried.add(attack.scenario());
        }
        long sent = System.nanoTime();
        carried.forEach(scenario -> scenario.sent(sent));
        post(body.toString());
    }

    private void post(String body) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StackException("POST " + url + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        JsonNode answer = json.readTree(response.body());
        if (answer.path("rejected").asInt() > 0) {
            throw new StackException("the intake refused some events: " + response.body().substring(0,
                    Math.min(500, response.body().length())));
        }
        accepted.addAndGet(answer.path("accepted").asLong());
    }

    /** Stops the stream; attacks handed over as it stopped still go, alone. */
    @Override
    public void close() throws IOException {
        running = false;
        try {
            if (senders != null) {
                senders.shutdown();
                senders.awaitTermination(2, TimeUnit.MINUTES);
            }
            for (Injected attack; (attack = injected.poll()) != null;) {
                attack.scenario().sent(System.nanoTime());
                post(attack.text() + "\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
