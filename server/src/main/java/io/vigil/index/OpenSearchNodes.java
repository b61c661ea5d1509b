package io.vigil.index;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How to reach the event store, read once from {@link OpenSearchConfig} and shared by both doors to it:
 * the opensearch-java client (queries, templates, index management) and the lean bulk path of ingest
 * ({@link EventIndexer}, ADR 0005). The nodes of a cluster (one URL or several, comma-separated), basic
 * authentication, timeouts; TLS with the JVM's trust store for {@code https} URLs, such as Amazon
 * OpenSearch Service's domain endpoint.
 */
public final class OpenSearchNodes {

    private final List<URI> nodes;
    private final Optional<String> username;
    private final String password;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final AtomicInteger next = new AtomicInteger();

    OpenSearchNodes(List<URI> nodes, Optional<String> username, String password, Duration connectTimeout,
            Duration responseTimeout) {
        this.nodes = List.copyOf(nodes);
        this.username = username;
        this.password = password;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    /** The nodes of {@code vigil.opensearch.url}: one base URL or several, each http or https. */
    public static OpenSearchNodes of(OpenSearchConfig config) {
        List<URI> nodes = new ArrayList<>();
        for (String url : config.url()) {
            nodes.add(parse(url.strip()));
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("vigil.opensearch.url names no node");
        }
        return new OpenSearchNodes(nodes, config.username(), config.password().orElse(""), config.connectTimeout(),
                config.responseTimeout());
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vigil.opensearch.url: '" + url + "' is not a URL", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "vigil.opensearch.url: '" + url + "' is not an http:// or https:// URL with a host");
        }
        return uri;
    }

    public List<URI> nodes() {
        return nodes;
    }

    public Optional<String> username() {
        return username;
    }

    String password() {
        return password;
    }

    /** The Authorization header for basic authentication, when a user is configured. */
    Optional<String> authorization() {
        return username.map(user -> "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** The nodes in the order to try for one request: each request starts at the next node (round robin). */
    List<URI> inTurn() {
        int start = Math.floorMod(next.getAndIncrement(), nodes.size());
        List<URI> order = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            order.add(nodes.get((start + i) % nodes.size()));
        }
        return order;
    }
}
