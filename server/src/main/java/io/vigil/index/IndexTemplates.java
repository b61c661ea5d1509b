package io.vigil.index;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.vigil.ops.DependencySetup;

/**
 * Applies Vigil's index templates to OpenSearch at start and keeps trying until it succeeds, so
 * the server can start before OpenSearch and still end up with the right mappings. Applying is
 * idempotent: a template already at its version is left alone.
 */
@Singleton
public class IndexTemplates {

    /** Every template the code owns. */
    public static final List<String> NAMES = List.of("vigil-events", "vigil-findings", "vigil-deadletters");

    private static final Logger LOG = Logger.getLogger(IndexTemplates.class);

    private final OpenSearchClient client;
    private final ObjectMapper json;
    private final List<IndexTemplate> templates;
    private final DependencySetup setup = new DependencySetup("OpenSearch index templates", LOG);

    IndexTemplates(OpenSearchClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
        this.templates = NAMES.stream().map(name -> IndexTemplate.load(name, json)).toList();
    }

    /** Whether the templates are in place, or why not yet. */
    public DependencySetup setup() {
        return setup;
    }

    @Scheduled(every = "${vigil.opensearch.setup-retry:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void ensureInstalled() {
        setup.attempt(this::applyAll);
    }

    /** Puts every template that is absent or at another version; returns what it did. */
    String applyAll() throws IOException {
        for (IndexTemplate template : templates) {
            apply(template);
        }
        return "OpenSearch index templates in place: " + NAMES;
    }

    private void apply(IndexTemplate template) throws IOException {
        OptionalLong installed = installedVersion(template.name());
        if (installed.isPresent() && installed.getAsLong() == template.version()) {
            return;
        }
        try (Response response = client.generic().execute(Requests.builder().method("PUT")
                .endpoint("/_index_template/" + template.name()).json(template.body()).build())) {
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("index template " + template.name() + " refused: HTTP "
                        + response.getStatus() + " " + response.getBody().map(Body::bodyAsString).orElse(""));
            }
        }
        LOG.infof("Index template %s applied (version %d, was %s)", template.name(), template.version(),
                installed.isPresent() ? installed.getAsLong() : "absent");
    }

    private OptionalLong installedVersion(String name) throws IOException {
        try (Response response = client.generic().execute(Requests.builder().method("GET")
                .endpoint("/_index_template/" + name).build())) {
            if (response.getStatus() == 404) {
                return OptionalLong.empty();
            }
            if (response.getStatus() >= 300) {
                throw new IllegalStateException(
                        "cannot read index template " + name + ": HTTP " + response.getStatus());
            }
            String body = response.getBody().map(Body::bodyAsString).orElse("{}");
            var version = json.readTree(body).path("index_templates").path(0).path("index_template")
                    .path("version");
            return version.canConvertToLong() ? OptionalLong.of(version.asLong()) : OptionalLong.empty();
        }
    }
}
