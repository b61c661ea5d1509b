package io.vigil.index;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenSearch client of the server's queries and index management: opensearch-java over Apache
 * HttpClient 5, spread over the cluster's nodes, from the same {@link OpenSearchNodes} as the bulk path.
 * It connects lazily, so the server starts while OpenSearch is down.
 */
public class OpenSearchClientProducer {

    @Produces
    @Singleton
    OpenSearchNodes openSearchNodes(OpenSearchConfig config) {
        return OpenSearchNodes.of(config);
    }

    @Produces
    @Singleton
    OpenSearchClient openSearchClient(OpenSearchNodes nodes, ObjectMapper objectMapper) {
        HttpHost[] hosts = nodes.nodes().stream().map(OpenSearchClientProducer::host).toArray(HttpHost[]::new);
        var transport = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper(objectMapper))
                .setConnectionConfigCallback(connection -> connection
                        .setConnectTimeout(Timeout.of(nodes.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)))
                .setRequestConfigCallback(request -> request
                        .setResponseTimeout(Timeout.of(nodes.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)))
                .setHttpClientConfigCallback(client -> {
                    nodes.username().ifPresent(user -> {
                        var credentials = new BasicCredentialsProvider();
                        // the same user on every node of the cluster
                        credentials.setCredentials(new AuthScope(null, -1),
                                new UsernamePasswordCredentials(user, nodes.password().toCharArray()));
                        client.setDefaultCredentialsProvider(credentials);
                    });
                    return client;
                })
                .build();
        return new OpenSearchClient(transport);
    }

    private static HttpHost host(URI node) {
        return new HttpHost(node.getScheme(), node.getHost(), node.getPort() < 0
                ? ("https".equals(node.getScheme()) ? 443 : 80)
                : node.getPort());
    }

    void close(@Disposes OpenSearchClient client) throws IOException {
        client._transport().close();
    }
}
