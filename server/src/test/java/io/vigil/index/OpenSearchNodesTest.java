package io.vigil.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vigil.testing.TestStack;

/**
 * Both doors to OpenSearch (the query client and the lean bulk path) are built from one
 * {@link OpenSearchNodes}: a cluster given as several node URLs is reached through whichever node
 * answers, with the same keys. Tried on the real node of the test stack next to a node that is down
 * (a Quarkus test, so that it shares the test stack of the other Quarkus tests of this JVM).
 */
@QuarkusTest
class OpenSearchNodesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsOneUrlOrSeveralFromTheSameKey() {
        OpenSearchNodes nodes = OpenSearchNodes.of(config("https://search-vigil.eu-west-1.es.amazonaws.com, "
                + "http://10.0.0.2:9200/", "vigil"));
        assertThat(nodes.nodes()).containsExactly(URI.create("https://search-vigil.eu-west-1.es.amazonaws.com/"),
                URI.create("http://10.0.0.2:9200/"));
        assertThat(nodes.authorization()).contains("Basic dmlnaWw6c2VjcmV0");
        assertThat(nodes.inTurn()).containsExactlyInAnyOrderElementsOf(nodes.nodes());
        assertThat(nodes.inTurn().get(0)).isNotEqualTo(nodes.inTurn().get(0));
    }

    @Test
    void refusesWhatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> OpenSearchNodes.of(config("localhost:9200", null)))
                .hasMessageContaining("vigil.opensearch.url").hasMessageContaining("localhost:9200");
    }

    @Test
    void bulkPathAndQueryClientReachTheClusterPastADownNode() throws IOException {
        String live = TestStack.get().serverConfig().get("vigil.opensearch.url");
        var nodes = new OpenSearchNodes(List.of(URI.create("http://127.0.0.1:" + freePort() + "/"),
                URI.create(live + "/")), Optional.empty(), "", Duration.ofSeconds(2), Duration.ofSeconds(30));
        String index = "vigil-nodes-test-" + UUID.randomUUID();

        var indexer = new EventIndexer(nodes, json);
        for (int i = 0; i < 4; i++) { // every request starts at the next node: half of them at the down one
            var outcome = indexer.write(List.of(new EventIndexer.Document(index, "doc-" + i,
                    json.createObjectNode().put("n", i), 64)));
            assertThat(outcome.stored()).isEqualTo(1);
        }

        OpenSearchClient client = new OpenSearchClientProducer().openSearchClient(nodes, json);
        for (int i = 0; i < 4; i++) {
            client.indices().refresh(r -> r.index(index));
            assertThat(client.count(c -> c.index(index)).count()).isEqualTo(4);
        }
        client.indices().delete(d -> d.index(index));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static OpenSearchConfig config(String url, String user) {
        // outside Quarkus, durations are read in ISO-8601 only
        var builder = new SmallRyeConfigBuilder().withMapping(OpenSearchConfig.class)
                .withDefaultValue("vigil.opensearch.url", url)
                .withDefaultValue("vigil.opensearch.connect-timeout", "PT2S")
                .withDefaultValue("vigil.opensearch.response-timeout", "PT30S");
        if (user != null) {
            builder.withDefaultValue("vigil.opensearch.username", user).withDefaultValue("vigil.opensearch.password",
                    "secret");
        }
        return builder.build().getConfigMapping(OpenSearchConfig.class);
    }
}
