package io.vigil.index;

import java.io.IOException;
import java.net.URISyntaxException;
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
 * The one OpenSearch client of the server: plain opensearch-java over Apache HttpClient 5. It
 * connects lazily, so the server starts while OpenSearch is down.
 */
public class OpenSearchClientProducer {

    @Produces
    @Singleton
    OpenSearchClient openSearchClient(OpenSearchConfig config, ObjectMapper objectMapper) {
        HttpHost host;
        try {
            host = HttpHost.create(config.url());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("vigil.opensearch.url is not a URL: " + config.url(), e);
        }
        var transport = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper(objectMapper))
                .setConnectionConfigCallback(connection -> connection
                        .setConnectTimeout(Timeout.of(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)))
                .setRequestConfigCallback(request -> request
                        .setResponseTimeout(Timeout.of(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)))
                .setHttpClientConfigCallback(client -> {
                    config.username().ifPresent(user -> {
                        var credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(user,
                                config.password().orElse("").toCharArray()));
                        client.setDefaultCredentialsProvider(credentials);
                    });
                    return client;
                })
                .build();
        return new OpenSearchClient(transport);
    }

    void close(@Disposes OpenSearchClient client) throws IOException {
        client._transport().close();
    }
}
