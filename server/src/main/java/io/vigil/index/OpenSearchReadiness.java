package io.vigil.index;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;

import io.vigil.ops.DependencySetup;

/** Readiness of the event store: the cluster answers, is not red, and Vigil's templates are in place. */
@Readiness
@ApplicationScoped
public class OpenSearchReadiness implements HealthCheck {

    private final OpenSearchClient client;
    private final IndexTemplates templates;
    private final OpenSearchConfig config;

    OpenSearchReadiness(OpenSearchClient client, IndexTemplates templates, OpenSearchConfig config) {
        this.client = client;
        this.templates = templates;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("opensearch").withData("url", String.join(",", config.url()));
        try {
            var health = client.cluster().health();
            response.withData("cluster", health.clusterName()).withData("status", health.status().jsonValue());
            if (health.status() == HealthStatus.Red) {
                return response.down().build();
            }
        } catch (Exception e) {
            return response.down().withData("error", DependencySetup.rootMessage(e)).build();
        }
        return templates.setup().report(response, "indexTemplates");
    }

}
