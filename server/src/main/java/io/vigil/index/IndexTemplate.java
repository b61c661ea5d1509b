package io.vigil.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An index template owned by the code: its body lives in
 * {@code src/main/resources/opensearch/index-templates/<name>.json} and carries a {@code version}
 * that is raised whenever the body changes, so start-up updates only what changed.
 */
public record IndexTemplate(String name, String body, long version) {

    static final String RESOURCE_DIR = "opensearch/index-templates/";

    static IndexTemplate load(String name, ObjectMapper json) {
        String resource = RESOURCE_DIR + name + ".json";
        try (InputStream in = IndexTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("index template resource missing: " + resource);
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode version = json.readTree(body).path("version");
            if (!version.canConvertToLong()) {
                throw new IllegalStateException(resource + " has no numeric \"version\"");
            }
            return new IndexTemplate(name, body, version.asLong());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
