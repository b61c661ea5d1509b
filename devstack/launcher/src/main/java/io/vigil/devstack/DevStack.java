package io.vigil.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Vigil's dependencies as real processes on this machine: OpenSearch, PostgreSQL and Keycloak,
 * started in parallel, stopped in reverse. Used by {@code ./vigil up} and by the tests.
 */
public final class DevStack implements AutoCloseable {

    private final StackLayout layout;
    private final StackPorts ports;
    private final OpenSearchService openSearch;
    private final PostgresService postgres;
    private final KeycloakService keycloak;
    private final List<StackService> started = new ArrayList<>();

    public DevStack(StackLayout layout, StackPorts ports) {
        this.layout = layout;
        this.ports = ports;
        this.openSearch = new OpenSearchService(layout, ports.openSearch(), ports.openSearchTransport());
        this.postgres = new PostgresService(layout, ports.postgres());
        this.keycloak = new KeycloakService(layout, ports.keycloak(), vigilUrl());
    }

    /** Starts the three services at once; if one fails, the others are stopped again. */
    public DevStack start() {
        layout.requireBuilt();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (StackService service : List.of(postgres, openSearch, keycloak)) {
            starting.add(CompletableFuture.runAsync(() -> {
                try {
                    service.start();
                    synchronized (started) {
                        started.add(service);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            close();
            Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
            if (cause instanceof StackException stack) {
                throw stack;
            }
            throw new StackException(cause.getMessage(), cause);
        }
        return this;
    }

    public StackLayout layout() {
        return layout;
    }

    public StackPorts ports() {
        return ports;
    }

    public OpenSearchService openSearch() {
        return openSearch;
    }

    public PostgresService postgres() {
        return postgres;
    }

    public KeycloakService keycloak() {
        return keycloak;
    }

    public String vigilUrl() {
        return "http://localhost:" + ports.vigil();
    }

    /** The server's configuration for this stack, as property names the server reads. */
    public Map<String, String> serverConfig() {
        return Map.of(
                "vigil.opensearch.url", openSearch.url(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", PostgresService.USER,
                "quarkus.datasource.password", PostgresService.PASSWORD,
                "quarkus.oidc.auth-server-url", keycloak.issuer(),
                "quarkus.oidc.client-id", KeycloakService.CLIENT_ID,
                "quarkus.oidc.credentials.secret", KeycloakService.CLIENT_SECRET);
    }

    @Override
    public void close() {
        List<StackService> stopping;
        synchronized (started) {
            stopping = new ArrayList<>(started);
            started.clear();
        }
        stopping.reversed().forEach(StackService::stop);
    }
}
