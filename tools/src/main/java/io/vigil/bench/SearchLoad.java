package io.vigil.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.devstack.StackException;
import io.vigil.event.NormalizedEvent;
import io.vigil.event.SourceType;
import io.vigil.index.EventIndices;
import io.vigil.ingest.normalize.CloudTrailNormalizer;
import io.vigil.ingest.normalize.IngestContext;
import io.vigil.ingest.normalize.NormalizationException;
import io.vigil.ingest.normalize.SyslogLineNormalizer;
import io.vigil.ingest.parse.Item;
import io.vigil.ingest.syslog.auth.AuthParser;

/**
 * The events the search benchmark reads: a source of its own whose indices are kept from one run to the
 * next, topped up to the wanted number within the last 7 days. Documents are normalized here, as
 * Vigil's intake would, and written straight with OpenSearch's {@code _bulk}: loading is not what is
 * measured, and millions of events through the intake (with detection) would take far longer.
 */
final class SearchLoad {

    static final String SOURCE = "bench-search";
    static final Duration SPAN = Duration.ofDays(7);
    /**
     * The oldest events are this much younger than 7 days, so that they are still within "the last 7 days"
     * when the load (minutes) and the measured searches are over.
     */
    private static final Duration MARGIN = Duration.ofHours(1);

    private static final int BATCH = 2000;
    private static final int PROGRESS_EVERY = 500_000;
    /** One event in five is an sshd line when the corpus is there, the rest CloudTrail records. */
    private static final int SSHD_EVERY = 5;
    /** Distinct callers and addresses; low numbers are commoner, as a few hosts and users make most traffic. */
    private static final int USERS = 2_000;
    private static final int ADDRESSES = 60_000;
    private static final int HOSTS = 300;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchStack stack;
    private final int senders;

    SearchLoad(BenchStack stack, int senders) {
        this.stack = stack;
        this.senders = senders;
    }

    /** Makes the source hold at least {@code wanted} events within the last 7 days; returns how many it holds. */
    long ensure(long wanted, List<ObjectNode> seeds) throws Exception {
        stack.ensureSource(SOURCE, SourceType.CLOUDTRAIL, 30);
        refresh();
        long held = countWithinSpan();
        if (held >= wanted) {
            System.out.printf("%s holds %,d events of the last 7 days: reusing them%n", SOURCE, held);
            return held;
        }
        // an hour's worth more than asked, so that the events aging out of the span while loading and
        // measuring do not leave fewer than wanted
        long missing = wanted - held + wanted * MARGIN.toMillis() / SPAN.toMillis();
        List<String> sshd = SshdCorpus.seeds();
        System.out.printf("%s holds %,d events of the last 7 days: loading %,d more (%d CloudTrail seeds, %s), "
                + "batches of %d, %d concurrent senders%n", SOURCE, held, missing, seeds.size(),
                sshd.isEmpty()
                        ? "no sshd corpus found: CloudTrail only"
                        : "every " + SSHD_EVERY + "th an sshd line of " + sshd.size() + " seeds",
                BATCH, senders);
        Instant end = Instant.now();
        Instant start = firstTime(missing, wanted, end);
        System.out.printf("times from %s to %s%n", start, end);
        double seconds = load(missing, seeds, sshd, start, end);
        System.out.printf("loaded %,d events in %.0f s: %,.0f events/s%n", missing, seconds, missing / seconds);
        refresh();
        held = countWithinSpan();
        if (held < wanted) {
            throw new StackException(SOURCE + " holds " + held + " events of the last 7 days after loading, expected "
                    + wanted);
        }
        return held;
    }

    /**
     * Where the new events' times begin. A top-up continues after the newest event held, so that a run a
     * day after the last one fills the day it missed, with the density of the rest; unless that would pack
     * the new events more than twice as densely (more events asked for than last time): then they spread
     * over the whole span like a first load.
     */
    private Instant firstTime(long missing, long wanted, Instant end) throws Exception {
        Instant whole = end.minus(SPAN).plus(MARGIN);
        Optional<Instant> newest = newestWithinSpan().filter(time -> time.isAfter(whole) && time.isBefore(end));
        if (newest.isPresent()) {
            double gapShare = (double) Duration.between(newest.get(), end).toMillis() / Duration.between(whole, end)
                    .toMillis();
            if ((double) missing / wanted <= 2 * gapShare) {
                return newest.get().plusMillis(1);
            }
        }
        return whole;
    }

    private double load(long missing, List<ObjectNode> seeds, List<String> sshd, Instant start, Instant end)
            throws Exception {
        long batches = (missing + BATCH - 1) / BATCH;
        var cloudTrail = new IngestContext(SOURCE, SourceType.CLOUDTRAIL, end);
        var syslog = new IngestContext(SOURCE, SourceType.SYSLOG, end);
        var writer = new Writer(seeds, sshd, start, Duration.between(start, end), missing, cloudTrail, syslog);
        AtomicLong next = new AtomicLong();
        AtomicLong loaded = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long began = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                running.add(pool.submit(() -> {
                    for (long b; (b = next.getAndIncrement()) < batches;) {
                        long first = b * BATCH;
                        long count = Math.min(BATCH, missing - first);
                        send(writer.bulkBody(first, count));
                        progress(loaded.getAndAdd(count), count, missing, began);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StackException stackException) {
                throw stackException;
            }
            throw new StackException("loading " + SOURCE + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - began) / 1e9;
    }

    private static void progress(long before, long count, long missing, long began) {
        long after = before + count;
        if (before / PROGRESS_EVERY != after / PROGRESS_EVERY || after == missing) {
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("  %,11d of %,d events (%,.0f events/s)%n", after, missing, after / seconds);
        }
    }

    /**
     * Builds the {@code _bulk} bodies: event {@code i} of {@code total} gets a time {@code i / total} of
     * the way from {@code start} to its end, so on a first load any day holds about a seventh. Ids are
     * fresh UUIDs, never reused, so that topping up adds events rather than overwriting some.
     */
    private final class Writer {

        private final List<ObjectNode> seeds;
        private final List<String> sshd;
        private final Instant start;
        private final long spanMillis;
        private final long total;
        private final IngestContext cloudTrail;
        private final IngestContext syslog;
        private final CloudTrailNormalizer cloudTrailNormalizer = new CloudTrailNormalizer();
        /** Thread-safe; one for the whole load, as one syslog source would have. */
        private final SyslogLineNormalizer syslogNormalizer = new SyslogLineNormalizer(new AuthParser());

        Writer(List<ObjectNode> seeds, List<String> sshd, Instant start, Duration span, long total,
                IngestContext cloudTrail, IngestContext syslog) {
            this.seeds = seeds;
            this.sshd = sshd;
            this.start = start;
            this.spanMillis = span.toMillis();
            this.total = total;
            this.cloudTrail = cloudTrail;
            this.syslog = syslog;
        }

        byte[] bulkBody(long first, long count) throws Exception {
            StringBuilder body = new StringBuilder((int) count * 3500);
            for (long i = first; i < first + count; i++) {
                NormalizedEvent event = event(i);
                body.append("{\"index\":{\"_index\":\"").append(EventIndices.events(SOURCE, event.timestamp()))
                        .append("\",\"_id\":\"").append(event.id()).append("\"}}\n")
                        .append(json.writeValueAsString(event.merged())).append('\n');
            }
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }

        private NormalizedEvent event(long i) throws NormalizationException {
            var random = ThreadLocalRandom.current();
            Instant time = start.plusMillis((long) ((i + 0.5) * spanMillis / total))
                    .truncatedTo(ChronoUnit.SECONDS);
            String user = "user-" + skewed(random, USERS);
            String ip = address(skewed(random, ADDRESSES));
            if (!sshd.isEmpty() && i % SSHD_EVERY == SSHD_EVERY - 1) {
                String line = SshdCorpus.line(sshd.get(random.nextInt(sshd.size())), time,
                        "host-" + skewed(random, HOSTS), ip, user);
                return syslogNormalizer.normalize(new Item.Text((int) i, line, UUID.randomUUID().toString()),
                        syslog);
            }
            ObjectNode record = seeds.get(random.nextInt(seeds.size())).deepCopy();
            record.put("eventID", UUID.randomUUID().toString());
            record.put("eventTime", time.toString());
            // records from AWS services (sourceIPAddress "ssm.amazonaws.com") keep their caller
            if (record.path("sourceIPAddress").asText("").matches("[\\d.:a-fA-F]+")) {
                record.put("sourceIPAddress", ip);
            }
            if (record.path("userIdentity").path("userName").isTextual()) {
                ((ObjectNode) record.path("userIdentity")).put("userName", user);
            } else if (record.at("/userIdentity/sessionContext/sessionIssuer/userName").isTextual()) {
                ((ObjectNode) record.at("/userIdentity/sessionContext/sessionIssuer")).put("userName", user);
            }
            return cloudTrailNormalizer.normalize(new Item.Json((int) i, record, record.toString()), cloudTrail);
        }
    }

    /** A number below {@code bound}, small ones commoner (about as skewed as real callers are). */
    private static int skewed(ThreadLocalRandom random, int bound) {
        return random.nextInt(1 + random.nextInt(bound));
    }

    /** A public-looking IPv4 address per number, the same one for the same number. */
    private static String address(int n) {
        long mixed = (n + 1) * 0x9E3779B97F4A7C15L;
        return (11 + (int) ((mixed >>> 56) % 200)) + "." + ((mixed >>> 48) & 0xFF) + "." + ((mixed >>> 40) & 0xFF)
                + "." + (1 + (mixed >>> 32 & 0xFF) % 254);
    }

    private void send(byte[] body) throws Exception {
        // filter_path: only the errors come back, not 2000 item results per batch
        var request = HttpRequest.newBuilder(URI.create(stack.openSearchUrl()
                + "/_bulk?filter_path=errors,items.*.error")).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        for (int attempt = 1;; attempt++) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean refused = response.statusCode() == 200 && response.body().contains("\"errors\":true");
            if (response.statusCode() == 200 && !refused) {
                return;
            }
            // OpenSearch sheds load with 429 (whole request or some items); the ids are set, so a retry
            // of the whole batch writes each event once
            boolean busy = response.statusCode() == 429
                    || refused && response.body().contains("rejected_execution");
            if (!busy || attempt == 3) {
                throw new StackException("OpenSearch _bulk answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            Thread.sleep(2000L * attempt);
        }
    }

    private void refresh() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(stack.openSearchUrl() + "/"
                + EventIndices.eventsOf(SOURCE) + "/_refresh?ignore_unavailable=true&allow_no_indices=true"))
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StackException("refreshing " + EventIndices.eventsOf(SOURCE) + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    /** The time of the newest event of the last 7 days, if there is one. */
    private Optional<Instant> newestWithinSpan() throws Exception {
        String body = "{\"size\":0,\"query\":" + withinSpan() + ",\"aggs\":{\"newest\":{\"max\":{\"field\":"
                + "\"@timestamp\"}}}}";
        JsonNode newest = json.readTree(post(EventIndices.eventsOf(SOURCE) + "/_search", body)).path("aggregations")
                .path("newest").path("value");
        return newest.isNumber() ? Optional.of(Instant.ofEpochMilli(newest.asLong())) : Optional.empty();
    }

    /**
     * Events of the last 7 days only: older ones (from a run days ago) are outside every measured range,
     * so they do not count towards the wanted number.
     */
    private long countWithinSpan() throws Exception {
        return json.readTree(post(EventIndices.eventsOf(SOURCE) + "/_count", "{\"query\":" + withinSpan() + "}"))
                .path("count").asLong();
    }

    private static String withinSpan() {
        return "{\"range\":{\"@timestamp\":{\"gte\":\"now-" + SPAN.toDays() + "d\"}}}";
    }

    /** A read of the source's indices; none yet is no error. */
    private String post(String path, String body) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(stack.openSearchUrl() + "/" + path
                + "?ignore_unavailable=true&allow_no_indices=true")).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StackException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
    }
}
