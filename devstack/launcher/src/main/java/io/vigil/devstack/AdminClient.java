package io.vigil.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to a running stack's API as the demo admin: sources and their tokens, for demo data and benchmarks. */
public final class AdminClient {

    private final StackPorts ports;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AdminClient(StackPorts ports) {
        this.ports = ports;
    }

    public String vigilUrl() {
        return "http://localhost:" + ports.vigil();
    }

    /** Whether a source of this name exists. */
    public boolean sourceExists(String name) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(vigilUrl() + "/api/admin/sources/" + name))
                .header("Authorization", "Bearer " + adminToken()).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    /** Creates a source, with detection on, and returns its ingest token. */
    public String createSource(String name, String type, String scope, int retentionDays)
            throws IOException, InterruptedException {
        return createSource(name, type, scope, retentionDays, true);
    }

    /** Creates a source and returns its ingest token; {@code detection} false keeps rules off its events. */
    public String createSource(String name, String type, String scope, int retentionDays, boolean detection)
            throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("name", name, "type", type, "scope", scope, "retentionDays",
                retentionDays, "detection", detection));
        var created = http.send(HttpRequest.newBuilder(URI.create(vigilUrl() + "/api/admin/sources"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new StackException("could not create source " + name + ": " + created.statusCode() + " "
                    + created.body());
        }
        return json.readTree(created.body()).path("token").asText();
    }

    /** Moves a source to a data scope (a no-op when it is there already). */
    public void setScope(String name, String scope) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(vigilUrl() + "/api/admin/sources/" + name + "/scope"))
                        .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("scope", scope))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StackException("could not move source " + name + " to scope " + scope + ": "
                    + response.statusCode() + " " + response.body());
        }
    }

    /** Deletes a source's definition (its stored events stay until retention, or until deleted apart). */
    public void deleteSource(String name) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(vigilUrl() + "/api/admin/sources/" + name))
                .header("Authorization", "Bearer " + adminToken()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new StackException("could not delete source " + name + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Sends a body to a source's HTTP intake; returns the answer (counts and rejections). */
    public String ingest(String source, String token, byte[] body) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(vigilUrl() + "/api/ingest/" + source))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StackException("ingest into " + source + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /**
     * Waits until the server has loaded its built-in rule packs (on a first start they load in the
     * background), so that demo events meet the rules; false when they did not come in time.
     */
    public boolean awaitBuiltinRules(String lastCorrelation, Duration timeout) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            // the last pack's correlation running means every pack is stored and detection has reloaded
            var response = http.send(HttpRequest.newBuilder(URI.create(vigilUrl() + "/api/rules/" + lastCorrelation
                    + "/health")).header("Authorization", "Bearer " + adminToken()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"inForce\":true")) {
                return true;
            }
            Thread.sleep(2000); // polling a server that is busy loading; nothing to wait on
        }
        return false;
    }

    private String adminToken() throws IOException, InterruptedException {
        return accessToken("admin");
    }

    /** A demo user's access token (password "<user>-demo"), by the password grant a sign-in uses. */
    public String accessToken(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + KeycloakService.CLIENT_ID + "&client_secret="
                + URLEncoder.encode(KeycloakService.CLIENT_SECRET, StandardCharsets.UTF_8)
                + "&username=" + user + "&password=" + user + "-demo";
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.keycloak()
                + "/realms/" + KeycloakService.REALM + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StackException("Keycloak refused the demo " + user + "'s sign-in: " + response.statusCode());
        }
        String token = json.readTree(response.body()).path("access_token").asText("");
        if (token.isEmpty()) {
            throw new StackException("Keycloak's answer to the demo " + user + "'s sign-in holds no access token");
        }
        return token;
    }
}
