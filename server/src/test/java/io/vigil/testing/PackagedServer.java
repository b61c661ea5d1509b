package io.vigil.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.devstack.OpenSearchService;
import io.vigil.devstack.PostgresService;
import io.vigil.devstack.StackLayout;
import io.vigil.devstack.StackPorts;
import io.vigil.devstack.VigilServerService;

/**
 * The packaged server as operators run it, with its own OpenSearch and PostgreSQL that a test may
 * stop, kill and restart, and no Keycloak (it points at a port where nothing listens). A test may add
 * replicas: more server processes on the same OpenSearch and PostgreSQL.
 */
public final class PackagedServer implements AutoCloseable {

    private final StackLayout layout;
    private final StackPorts ports = StackPorts.free();
    private final OpenSearchService openSearch;
    private final PostgresService postgres;
    private final Map<String, String> config = new HashMap<>();
    private final VigilServerService server;
    private final List<VigilServerService> replicas = new ArrayList<>();

    public PackagedServer(String dataDir) {
        this(dataDir, Map.of());
    }

    /** As {@link #PackagedServer(String)}, with more server configuration (property → value) for every process. */
    public PackagedServer(String dataDir, Map<String, String> serverConfig) {
        this.layout = StackLayout.here(Path.of(dataDir));
        TestStack.deleteTree(layout.dataDir());
        this.openSearch = new OpenSearchService(layout, ports.openSearch(), ports.openSearchTransport());
        this.postgres = new PostgresService(layout, ports.postgres());
        config.put("vigil.opensearch.url", openSearch.url());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.oidc.auth-server-url", "http://localhost:" + ports.keycloak() + "/realms/vigil");
        config.putAll(serverConfig);
        this.server = new VigilServerService(layout, ports, config);
    }

    public StackLayout layout() {
        return layout;
    }

    public OpenSearchService openSearch() {
        return openSearch;
    }

    public PostgresService postgres() {
        return postgres;
    }

    public VigilServerService server() {
        return server;
    }

    /** Starts the server process (returns once it is live, ready or not). */
    public PackagedServer startServer() throws IOException {
        server.start();
        return this;
    }

    /**
     * Another server process on the same OpenSearch and PostgreSQL, as a second replica behind a load
     * balancer would be: its own ports, and its own folder {@code name} under the data folder for what a
     * process keeps to itself (its log and pid file in {@code run/}, its spool). Not started; {@link #close}
     * stops it.
     */
    public VigilServerService replica(String name) {
        var own = new StackLayout(layout.projectDir(), layout.dataDir().resolve(name));
        var replica = new VigilServerService(own, StackPorts.free(), Map.copyOf(config));
        replicas.add(replica);
        return replica;
    }

    @Override
    public void close() {
        for (var replica : replicas) {
            replica.stop();
        }
        server.stop();
        openSearch.stop();
        postgres.stop();
    }
}
