package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Vigil server itself (the packaged jar), configured to use the stack's services. */
public final class VigilServerService extends ProcessService {

    private final StackPorts ports;
    private final Map<String, String> config;

    public VigilServerService(StackLayout layout, StackPorts ports, Map<String, String> config) {
        super(layout);
        this.ports = ports;
        this.config = config;
    }

    @Override
    public String name() {
        return "vigil";
    }

    public String url() {
        return "http://localhost:" + ports.vigil();
    }

    @Override
    public void start() throws IOException {
        Ports.requireFree(ports.vigil(), "Vigil console", "VIGIL_HTTP_PORT");
        Ports.requireFree(ports.management(), "Vigil health and metrics", "VIGIL_MANAGEMENT_PORT");
        if (!Files.exists(layout.serverJar())) {
            throw new StackException(layout.serverJar() + " is missing: build first (./mvnw -DskipTests package).");
        }
        Map<String, String> env = new HashMap<>();
        config.forEach((key, value) -> env.put(envName(key), value));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.vigil()));
        env.putIfAbsent("VIGIL_SPOOL_DIR", layout.dataDir().resolve("spool").toString());
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(ports.management()));
        env.put("VIGIL_SYSLOG_UDP_PORT", String.valueOf(ports.syslog()));
        env.put("VIGIL_SYSLOG_TCP_PORT", String.valueOf(ports.syslog()));
        // the heap is fixed, as OpenSearch's is: with only a maximum, G1 kept it near the live set (old
        // generation 86% full), ran a concurrent cycle every second or so, and each remark paused every
        // request for 15-25 ms. Regions of 4 MiB (G1 picks 1 MiB for this heap): an object of half a
        // region or more is "humongous", allocated outside the young generation, and each such allocation
        // may start a collection; an ingest batch's body (1-2 MiB for 1,000 events) was one, and the
        // collector took a quarter of the server's CPU during ingest (half that with 4 MiB regions)
        var command = List.of(StackLayout.java(), "-Xms512m", "-Xmx512m", "-XX:G1HeapRegionSize=4m", "-jar",
                layout.serverJar().toString());
        launch(command, env, layout.projectDir(), () -> Http.ok(managementUrl() + "/q/health/live"),
                Duration.ofMinutes(2));
    }

    /** Waits until the server reports every dependency ready. */
    public void awaitReady(Duration timeout) throws IOException {
        awaitAgain(() -> Http.ok(managementUrl() + "/q/health/ready"), timeout);
    }

    public String managementUrl() {
        return "http://localhost:" + ports.management();
    }

    /** The environment variable MicroProfile Config reads for a property ({@code a.b-c} → {@code A_B_C}). */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

}
