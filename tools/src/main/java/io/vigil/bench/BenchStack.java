package io.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.devstack.AdminClient;
import io.vigil.devstack.DevStack;
import io.vigil.devstack.ManagedProcess;
import io.vigil.devstack.StackException;
import io.vigil.devstack.StackLayout;
import io.vigil.devstack.StackPorts;
import io.vigil.devstack.VigilServerService;
import io.vigil.event.SourceType;
import io.vigil.index.EventIndices;

/**
 * The stack a benchmark measures: the one {@code ./vigil up} runs, if it is up, else a fresh one
 * started here (and stopped again at the end).
 */
final class BenchStack implements AutoCloseable {

    /** One client for every call to the stack: a JDK client holds a selector thread and a connection pool. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackPorts ports;
    private final long serverPid;
    private final Path runDir;
    private final DevStack started;
    private final VigilServerService startedServer;
    private final List<String> created = new ArrayList<>();

    private BenchStack(StackPorts ports, Path runDir, DevStack started, VigilServerService startedServer)
            throws IOException {
        this.ports = ports;
        this.runDir = runDir;
        this.serverPid = process("vigil").pid();
        this.started = started;
        this.startedServer = startedServer;
    }

    static BenchStack attachOrStart(Map<String, String> env) throws IOException {
        StackPorts usual = StackPorts.fromEnvironment(env);
        Path pidFile = Path.of(env.getOrDefault("VIGIL_DATA_DIR", ".vigil"), "run", "vigil.pid");
        if (ok("http://localhost:" + usual.management() + "/q/health/ready") && Files.exists(pidFile)) {
            System.out.println("Using the running stack (./vigil up).");
            return new BenchStack(usual, pidFile.getParent(), null, null);
        }
        System.out.println("No stack running: starting one in target/bench-stack ...");
        Path data = Path.of("target/bench-stack").toAbsolutePath();
        io.vigil.testing.TestStack.deleteTree(data);
        var layout = StackLayout.here(data);
        StackPorts ports = StackPorts.free();
        var stack = new DevStack(layout, ports).start();
        var server = new VigilServerService(layout, ports, stack.serverConfig());
        try {
            server.start();
            server.awaitReady(Duration.ofMinutes(2));
        } catch (IOException | StackException e) {
            server.stop();
            stack.close();
            throw e;
        }
        return new BenchStack(ports, layout.runDir(), stack, server);
    }

    String vigilUrl() {
        return "http://localhost:" + ports.vigil();
    }

    String openSearchUrl() {
        return "http://localhost:" + ports.openSearch();
    }

    /** The port of the stack's syslog listener (UDP and TCP). */
    int syslogPort() {
        return ports.syslog();
    }

    long serverPid() {
        return serverPid;
    }

    /** CPU time spent so far by the Vigil server, by OpenSearch and by PostgreSQL: what a phase loads. */
    StackCpu cpu() throws IOException {
        return new StackCpu(cpuOf("vigil"), garbageCollectorCpu(serverPid), cpuOf("opensearch"),
                postgresCpu(process("postgres").pid()));
    }

    /**
     * CPU time of PostgreSQL: its postmaster's, with that of its children ended so far (the kernel adds
     * them to the parent when it reaps them), and that of the children still running (the connections'
     * backends, which live as long as the server's pool keeps them).
     */
    static Duration postgresCpu(long postmaster) {
        long ticks = 0;
        try {
            String[] own = statFields(Path.of("/proc", Long.toString(postmaster)));
            ticks += ownTicks(own) + Long.parseLong(own[13]) + Long.parseLong(own[14]); // + cutime, cstime
            for (ProcessHandle child : ProcessHandle.of(postmaster).map(h -> h.children().toList())
                    .orElse(List.of())) {
                try {
                    ticks += ownTicks(statFields(Path.of("/proc", Long.toString(child.pid()))));
                } catch (IOException e) {
                    // ended while the others were read: its time is in the parent's from now on
                }
            }
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO; // not Linux: no figure
        }
        return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    }

    /** A process's or thread's own CPU ticks: utime + stime of its stat fields. */
    private static long ownTicks(String[] fields) {
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The fields of /proc/PID/stat after the command name (so index 11 is utime). */
    private static String[] statFields(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * CPU time of a JVM's garbage collector threads (G1's, by their names), from Linux's per-thread
     * accounting; zero where there is none.
     */
    static Duration garbageCollectorCpu(long pid) {
        long ticks = 0;
        try (var threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                String name = Files.readString(thread.resolve("comm")).strip();
                if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    ticks += ownTicks(statFields(thread));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO; // not Linux, or a thread ended while it was read: no figure
        }
        return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    }

    private Duration cpuOf(String name) throws IOException {
        return process(name).info().totalCpuDuration()
                .orElseThrow(() -> new StackException("no CPU time for " + name));
    }

    /** A process of the stack, by the pid file it was recorded in. */
    private ProcessHandle process(String name) throws IOException {
        return ManagedProcess.recorded(runDir.resolve(name + ".pid"))
                .orElseThrow(() -> new StackException(name + " is not running (no live process in "
                        + runDir.resolve(name + ".pid") + ")"));
    }

    /**
     * CPU time of the Vigil server (and the part of it its garbage collector took), of OpenSearch and of
     * PostgreSQL; {@link #minus} gives what a phase spent.
     */
    record StackCpu(Duration vigil, Duration vigilGc, Duration openSearch, Duration postgres) {

        StackCpu minus(StackCpu before) {
            return new StackCpu(vigil.minus(before.vigil), vigilGc.minus(before.vigilGc),
                    openSearch.minus(before.openSearch), postgres.minus(before.postgres));
        }
    }

    /**
     * Waits until the built-in rule packs have loaded, without changing any: until a correlation of the
     * last pack (vigil-correlations' traffic spike, as the demo data waits for) runs, which means every
     * pack is stored and detection has reloaded.
     */
    void awaitBuiltinRules() throws IOException, InterruptedException {
        if (!new AdminClient(ports).awaitBuiltinRules("4252dfdf-2f95-4b2d-a043-41ae6e02be3c", Duration.ofMinutes(3))) {
            System.out.println("note: the built-in rule packs were still loading after 3 minutes");
        }
    }

    /**
     * Creates a source as the demo admin and returns its ingest token. The source is the benchmark's
     * own: {@link #dropCreatedSources} removes it with its events and findings.
     */
    String createSource(String name, SourceType type) throws IOException, InterruptedException {
        return createSource(name, type, true);
    }

    /** As {@link #createSource(String, SourceType)}, with detection on or off for the source's events. */
    String createSource(String name, SourceType type, boolean detection) throws IOException, InterruptedException {
        String token = new AdminClient(ports).createSource(name, type.id(), name, 7, detection);
        created.add(name);
        return token;
    }

    /**
     * Removes the sources {@link #createSource} made, with their events (also those of raw baselines
     * named after them) and findings: benchmark data left behind would make every later search fan out
     * over hundreds of small indices, and so measure the last benchmarks rather than the product.
     */
    void dropCreatedSources() throws IOException, InterruptedException {
        var admin = new AdminClient(ports);
        for (String name : created) {
            admin.deleteSource(name);
            send(HttpRequest.newBuilder(URI.create(openSearchUrl() + "/" + EventIndices.EVENTS_PREFIX + name
                    + "-*?ignore_unavailable=true")).DELETE());
            send(HttpRequest.newBuilder(URI.create(openSearchUrl() + "/" + EventIndices.FINDINGS_PREFIX
                    + "*/_delete_by_query?conflicts=proceed&q=vigil.source:" + name))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        }
        System.out.printf("removed the %d sources this benchmark created, with their events and findings%n",
                created.size());
        created.clear();
    }

    /** The body of a 200 answer; any other status is a {@link StackException}. */
    private static String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = HTTP.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StackException(request.build().method() + " " + request.build().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Whether a source of this name exists. */
    boolean sourceExists(String name) throws IOException, InterruptedException {
        return new AdminClient(ports).sourceExists(name);
    }

    /**
     * Deletes a source's events whose keyword {@code field} holds {@code value}: a benchmark's own events
     * in a source it did not create (the syslog listener's). Refreshes first, so the newest are found too.
     * Returns how many it deleted.
     */
    long deleteEvents(String source, String field, String value) throws IOException, InterruptedException {
        String indices = openSearchUrl() + "/" + EventIndices.eventsOf(source);
        send(HttpRequest.newBuilder(URI.create(indices + "/_refresh?ignore_unavailable=true&allow_no_indices=true"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        String query = JSON.writeValueAsString(Map.of("query", Map.of("term", Map.of(field, value))));
        String answer = send(HttpRequest.newBuilder(URI.create(indices + "/_delete_by_query?conflicts=proceed"
                + "&refresh=true&ignore_unavailable=true&allow_no_indices=true"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)));
        return JSON.readTree(answer).path("deleted").asLong();
    }

    /**
     * Creates a source as the demo admin unless one of that name exists (creating it again is refused),
     * so a benchmark can keep its data from one run to the next.
     */
    void ensureSource(String name, SourceType type, int retentionDays) throws IOException, InterruptedException {
        var admin = new AdminClient(ports);
        if (!admin.sourceExists(name)) {
            admin.createSource(name, type.id(), name, retentionDays);
        }
    }

    /**
     * Waits (up to a minute) until OpenSearch merges no segments: a timed phase starts on a quiet store
     * rather than paying for the merges of the load, warm-up or phase before it.
     */
    void awaitQuietStore() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            String stats = send(HttpRequest.newBuilder(URI.create(openSearchUrl() + "/_nodes/stats/indices/merge")));
            long merging = 0;
            for (JsonNode node : JSON.readTree(stats).path("nodes")) {
                merging += node.path("indices").path("merges").path("current").asLong();
            }
            if (merging == 0) {
                return;
            }
            Thread.sleep(500); // polling OpenSearch's merge count; nothing to wait on
        }
    }

    /** A demo user's access token, as a browser's sign-in would get it (the realm's tokens live 5 minutes). */
    String accessToken(String user) throws IOException, InterruptedException {
        return new AdminClient(ports).accessToken(user);
    }

    private static boolean ok(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops what this run started; safe to call twice (normal end and the shutdown hook). */
    @Override
    public synchronized void close() {
        if (startedServer != null) {
            startedServer.stop();
        }
        if (started != null) {
            started.close();
        }
    }
}
