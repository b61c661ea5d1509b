package io.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.devstack.StackException;
import io.vigil.event.SourceType;
import io.vigil.index.EventIndices;
import io.vigil.ingest.normalize.CloudTrailNormalizer;
import io.vigil.ingest.normalize.IngestContext;
import io.vigil.ingest.parse.Item;

/**
 * {@code ./vigil bench ingest}: the same CloudTrail-shaped events, once through Vigil's HTTP intake
 * (parse, normalize, bulk index, acknowledge) and once as the already normalized documents sent
 * straight to OpenSearch's {@code _bulk}, with the same batch size and concurrency, in one run.
 */
final class IngestBench {

    record Result(double vigilEps, double rawEps, long rssMb) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchStack stack;
    private final int events;
    private final int batch;
    private final int senders;
    /** Tells one measured run's event ids from another's. */
    private long run;

    IngestBench(BenchStack stack, int events, int batch, int senders) {
        this.stack = stack;
        this.events = events;
        this.batch = batch;
        this.senders = senders;
    }

    /** Vigil next to raw {@code _bulk}; {@code detection} false makes the source's events skip detection. */
    Result run(boolean detection) throws Exception {
        run = System.nanoTime();
        List<ObjectNode> seeds = CloudTrailCorpus.seeds(json);
        Instant now = Instant.now();
        String source = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        String token = stack.createSource(source, SourceType.CLOUDTRAIL, detection);
        System.out.printf("%d events from %d seed records, batches of %d, %d concurrent senders%n", events,
                seeds.size(), batch, senders);

        warmUp(seeds, token, now);
        var rss = new RssSampler(stack.serverPid());
        rss.start();
        double vigilSeconds = timed(batchNo -> ndjson(seeds, batchNo, now, false), body -> post(
                stack.vigilUrl() + "/api/ingest/" + source, body, "Bearer " + token, "application/x-ndjson"))
                .seconds();
        rss.stopSampling();
        checkCount(EventIndices.eventsOf(source), events);

        var context = new IngestContext(source + "-raw", SourceType.CLOUDTRAIL, now);
        double rawSeconds = timed(batchNo -> bulkBody(seeds, batchNo, now, context), body -> post(
                stack.openSearchUrl() + "/_bulk", body, null, "application/x-ndjson")).seconds();
        checkCount(EventIndices.eventsOf(source + "-raw"), events);

        return new Result(events / vigilSeconds, events / rawSeconds, rss.peakMb());
    }

    /** Rule matches written, and the finding documents that hold them. */
    record Findings(long matches, long documents) {
    }

    /**
     * One measured run of Vigil's intake: its rate, the matches detection wrote for it and in how many
     * findings, and the CPU time the server and OpenSearch spent per 1,000 events meanwhile.
     */
    record Phase(double eps, Findings findings, double vigilCpuMs, double vigilGcMs, double openSearchCpuMs,
            double postgresCpuMs) {

        double cpuMs() {
            return vigilCpuMs + openSearchCpuMs + postgresCpuMs;
        }
    }

    /**
     * Vigil's intake alone, into a fresh source, with events of new ids; {@code detection} false makes that
     * source one whose events skip detection, so no rule of the stack is switched for anyone else.
     */
    Phase vigilOnly(boolean detection) throws Exception {
        run = System.nanoTime();
        List<ObjectNode> seeds = CloudTrailCorpus.seeds(json);
        Instant now = Instant.now();
        String source = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        String token = stack.createSource(source, SourceType.CLOUDTRAIL, detection);
        warmUp(seeds, token, now);
        Timed timed = timed(batchNo -> ndjson(seeds, batchNo, now, false), body -> post(
                stack.vigilUrl() + "/api/ingest/" + source, body, "Bearer " + token, "application/x-ndjson"));
        checkCount(EventIndices.eventsOf(source), events);
        double thousands = events / 1000.0;
        var cpu = timed.cpu();
        return new Phase(events / timed.seconds(), findingsOf(source), cpu.vigil().toMillis() / thousands,
                cpu.vigilGc().toMillis() / thousands, cpu.openSearch().toMillis() / thousands,
                cpu.postgres().toMillis() / thousands);
    }

    private Findings findingsOf(String source) throws Exception {
        String findings = EventIndices.FINDINGS_PREFIX + "*";
        post(stack.openSearchUrl() + "/" + findings + "/_refresh", new byte[0], null, "application/json");
        byte[] query = ("{\"size\":0,\"track_total_hits\":true,\"query\":{\"term\":{\"vigil.source\":\"" + source
                + "\"}},\"aggs\":{\"matches\":{\"sum\":{\"field\":\"finding.count\"}}}}").getBytes(
                        StandardCharsets.UTF_8);
        var response = http.send(HttpRequest.newBuilder(URI.create(stack.openSearchUrl() + "/" + findings
                + "/_search")).header("Content-Type", "application/json").POST(
                        HttpRequest.BodyPublishers.ofByteArray(query))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        return new Findings(answer.path("aggregations").path("matches").path("value").asLong(),
                answer.path("hits").path("total").path("value").asLong());
    }

    /** Whether a phase of this run has warmed the server up already. */
    private boolean warmed;

    private void warmUp(List<ObjectNode> seeds, String token, Instant now) throws Exception {
        String warm = "warm-" + Long.toString(System.nanoTime(), 36);
        String warmToken = stack.createSource(warm, SourceType.CLOUDTRAIL);
        // enough for the JIT to compile the intake path before anything is measured: a server just
        // started needs far more than one that has run a phase already
        int batches = warmed ? 20 : 100;
        warmed = true;
        for (int i = 0; i < batches; i++) {
            post(stack.vigilUrl() + "/api/ingest/" + warm, ndjson(seeds, i, now.minusSeconds(86_400), true),
                    "Bearer " + warmToken, "application/x-ndjson");
        }
    }

    /** A timed run: how long it took and the CPU time the stack spent meanwhile. */
    private record Timed(double seconds, BenchStack.StackCpu cpu) {
    }

    private Timed timed(IntFunction<byte[]> bodies, ThrowingSender sender) throws Exception {
        int batches = (events + batch - 1) / batch;
        List<byte[]> prepared = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            prepared.add(bodies.apply(b));
        }
        stack.awaitQuietStore();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        AtomicLong next = new AtomicLong();
        var cpuBefore = stack.cpu();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            running.add(pool.submit(() -> {
                for (long b; (b = next.getAndIncrement()) < batches;) {
                    sender.send(prepared.get((int) b));
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var cpu = stack.cpu().minus(cpuBefore);
        pool.shutdown();
        return new Timed(seconds, cpu);
    }

    @FunctionalInterface
    interface ThrowingSender {

        void send(byte[] body) throws Exception;
    }

    private byte[] ndjson(List<ObjectNode> seeds, int batchNo, Instant now, boolean warm) {
        StringBuilder body = new StringBuilder(batch * 1500);
        for (int i = 0; i < batch && (warm || batchNo * batch + i < events); i++) {
            int n = batchNo * batch + i + (warm ? 50_000_000 : 0);
            body.append(CloudTrailCorpus.event(seeds, n, now, run)).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The documents Vigil would write, as a raw _bulk body to the same kind of index. */
    private byte[] bulkBody(List<ObjectNode> seeds, int batchNo, Instant now, IngestContext context) {
        var normalizer = new CloudTrailNormalizer();
        StringBuilder body = new StringBuilder(batch * 3500);
        try {
            for (int i = 0; i < batch && batchNo * batch + i < events; i++) {
                int n = batchNo * batch + i;
                ObjectNode record = CloudTrailCorpus.event(seeds, n, now, run);
                var event = normalizer.normalize(new Item.Json(n, record, record.toString()), context);
                body.append("{\"index\":{\"_index\":\"")
                        .append(EventIndices.events(context.source(), event.timestamp()))
                        .append("\",\"_id\":\"").append(event.id()).append("\"}}\n")
                        .append(json.writeValueAsString(event.merged())).append('\n');
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void post(String url, byte[] body, String authorization, String type) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StackException("POST " + url + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        if (response.body().contains("\"errors\":true") || response.body().contains("\"rejected\":") && !response
                .body().contains("\"rejected\":0")) {
            throw new StackException("some events were refused: " + response.body().substring(0,
                    Math.min(500, response.body().length())));
        }
    }

    private void checkCount(String indices, long expected) throws Exception {
        post(stack.openSearchUrl() + "/" + indices + "/_refresh", new byte[0], null, "application/json");
        var response = http.send(HttpRequest.newBuilder(URI.create(stack.openSearchUrl() + "/" + indices + "/_count"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        long count = json.readTree(response.body()).path("count").asLong();
        if (count != expected) {
            throw new StackException(indices + " holds " + count + " events, expected " + expected);
        }
    }

    /** Peak resident memory of a process while the measured run goes on (Linux /proc), sampled every 200 ms. */
    static final class RssSampler {

        private final long pid;
        private final java.util.concurrent.ScheduledExecutorService timer = Executors
                .newSingleThreadScheduledExecutor();
        private volatile long peakKb;

        RssSampler(long pid) {
            this.pid = pid;
        }

        void start() {
            timer.scheduleAtFixedRate(this::sample, 0, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        private void sample() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                timer.shutdown(); // the process is gone or /proc is not Linux's: keep the peak seen
            }
        }

        void stopSampling() {
            timer.shutdownNow();
        }

        long peakMb() {
            return peakKb / 1024;
        }
    }
}
