package io.vigil.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.vigil.devstack.OpenSearchService;
import io.vigil.devstack.PostgresService;
import io.vigil.devstack.StackLayout;
import io.vigil.devstack.StackPorts;
import io.vigil.devstack.VigilServerService;

/**
 * The packaged server as operators run it, with its own OpenSearch and PostgreSQL that a test may
 * stop, kill and restart, and no Keycloak (it points at a port where nothing listens).
 */
public final class PackagedServer implements AutoCloseable {

    private final StackLayout layout;
    private final StackPorts ports = StackPorts.free();
    private final OpenSearchService openSearch;
    private final PostgresService postgres;
    private final VigilServerService server;

    public PackagedServer(String dataDir) {
        this.layout = StackLayout.here(Path.of(dataDir));
        TestStack.deleteTree(layout.dataDir());
        this.openSearch = new OpenSearchService(layout, ports.openSearch(), ports.openSearchTransport());
        this.postgres = new PostgresService(layout, ports.postgres());
        Map<String, String> config = new HashMap<>();
        config.put("vigil.opensearch.url", openSearch.url());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.oidc.auth-server-url", "http://localhost:" + ports.keycloak() + "/realms/vigil");
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

    @Override
    public void close() {
        server.stop();
        openSearch.stop();
        postgres.stop();
    }
}
