package io.vigil.index;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the event store is and how to reach it. */
@ConfigMapping(prefix = "vigil.opensearch")
public interface OpenSearchConfig {

    /**
     * Base URL of the OpenSearch cluster, e.g. {@code http://localhost:9200}, or the URLs of several of
     * its nodes separated by commas; {@code https://} for TLS (the JVM's trust store decides whom to trust).
     */
    List<String> url();

    /** User for HTTP basic authentication, when the cluster requires it. */
    Optional<String> username();

    Optional<String> password();

    @WithDefault("2s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration responseTimeout();
}
