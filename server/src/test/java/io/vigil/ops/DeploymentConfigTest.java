package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.smallrye.config.ConfigMapping;
import io.vigil.devstack.StackLayout;
import io.vigil.devstack.StackPorts;
import io.vigil.devstack.VigilServerService;
import io.vigil.index.OpenSearchConfig;

/**
 * docker/ and helm/ cannot run here, so this keeps them honest: every environment variable they
 * give the server is a configuration key the server reads, and the probes use its health endpoints.
 */
class DeploymentConfigTest {

    /** Environment the image itself reads, not the server's configuration. */
    private static final Set<String> IMAGE_ENV = Set.of("JAVA_OPTS");
    /** docker/ and helm/ lie beside the modules, in the repository's root. */
    private static final Path ROOT = StackLayout.repositoryRoot();

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-z0-9.\\-\"]+)(:[^}]*)?}");
    private static final Pattern HELM_ENV = Pattern.compile("-\\s+name:\\s+([A-Z][A-Z0-9_]*)\\s*$",
            Pattern.MULTILINE);

    @Test
    void composeGivesTheServerOnlyKeysItReads() throws IOException {
        JsonNode environment = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker/compose.yml").toFile())
                .path("services").path("vigil").path("environment");
        assertThat(environment.isObject()).as("services.vigil.environment is a mapping").isTrue();
        Set<String> names = new HashSet<>();
        environment.fieldNames().forEachRemaining(names::add);

        assertThat(names).contains("VIGIL_OPENSEARCH_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_OIDC_AUTH_SERVER_URL");
        assertThat(names).allSatisfy(name -> assertThat(serverEnvironment()).as(name).contains(name));
    }

    @Test
    void composeImportsTheSameRealmAsTheDevStack() throws IOException {
        assertThat(Files.readString(ROOT.resolve("docker/compose.yml"))).contains("devstack/keycloak/vigil-realm.json");
    }

    @Test
    void helmGivesTheServerOnlyKeysItReads() throws IOException {
        Set<String> names = new HashSet<>();
        for (Path template : helmTemplates()) {
            Matcher matcher = HELM_ENV.matcher(Files.readString(template));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        assertThat(names).contains("VIGIL_OPENSEARCH_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_OIDC_AUTH_SERVER_URL");
        assertThat(names).allSatisfy(name -> assertThat(serverEnvironment()).as(name).contains(name));
    }

    @Test
    void helmProbesUseTheHealthEndpoints() throws IOException {
        String deployment = Files.readString(ROOT.resolve("helm/vigil/templates/deployment.yaml"));
        assertThat(deployment).contains("/q/health/live", "/q/health/ready", "/q/health/started");
    }

    @Test
    void probesTheImageAndTheDevStackLookForHealthOnTheManagementPort() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        String management = properties.getProperty("quarkus.management.port");
        assertThat(properties.getProperty("quarkus.management.enabled")).isEqualTo("true");

        String deployment = Files.readString(ROOT.resolve("helm/vigil/templates/deployment.yaml"));
        assertThat(deployment).containsPattern("name: management\\s+containerPort: " + management);
        assertThat(deployment.split("port: management", -1)).as("startup, liveness and readiness probes").hasSize(4);
        assertThat(Files.readString(ROOT.resolve("docker/Dockerfile"))).contains("EXPOSE 8080 " + management);
        // loopback outside a container; every interface inside one, where probes come from outside
        assertThat(properties.getProperty("quarkus.management.host")).isEqualTo("127.0.0.1");
        assertThat(Files.readString(ROOT.resolve("docker/Dockerfile"))).contains("ENV QUARKUS_MANAGEMENT_HOST=0.0.0.0");
        assertThat(StackPorts.fromEnvironment(Map.of()).management()).hasToString(management);
        assertThat(Files.readString(ROOT.resolve("README.md")))
                .contains("http://localhost:" + management + "/q/health/ready");
    }

    /** Environment variable names of every key in application.properties and the config mappings. */
    static Set<String> serverEnvironment() {
        Set<String> keys = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            var properties = new Properties();
            properties.load(reader);
            for (String key : properties.stringPropertyNames()) {
                keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
                Matcher references = REFERENCE.matcher(properties.getProperty(key));
                while (references.find()) {
                    keys.add(references.group(1));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        keys.addAll(mappingKeys(OpenSearchConfig.class));
        keys.addAll(mappingKeys(io.vigil.index.SpoolConfig.class));
        Set<String> names = keys.stream().map(VigilServerService::envName).collect(Collectors.toSet());
        names.addAll(IMAGE_ENV);
        return names;
    }

    private static List<String> mappingKeys(Class<?> mapping) {
        String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
        return Stream.of(mapping.getDeclaredMethods()).map(Method::getName)
                .map(name -> prefix + "." + name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase())
                .toList();
    }

    private static List<Path> helmTemplates() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("helm/vigil/templates"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).toList();
        }
    }

}
