package io.vigil.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.bench.LatencyScenario.Kind;
import io.vigil.devstack.StackException;
import io.vigil.event.Level;

/**
 * Checks, as the demo admin, that the rules the latency benchmark times can alert on this stack: a
 * missing or disabled rule, an alert level set above the rule's own, or a correlation not running
 * would otherwise show as a minute of missed attacks rather than as its cause.
 */
final class LatencyRules {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final BenchStack stack;

    LatencyRules(BenchStack stack) {
        this.stack = stack;
    }

    /** Fails at once, saying why, when a timed rule cannot alert; prints the rules and how many run. */
    void check() throws Exception {
        String admin = stack.accessToken("admin");
        JsonNode rules = get("/api/rules", admin);
        // rule id to the alert level set on it or its pack; a rule without a setting is not listed
        JsonNode levels = get("/api/alert-levels", admin);
        int enabled = 0;
        for (JsonNode rule : rules) {
            enabled += rule.path("enabled").asBoolean() ? 1 : 0;
        }
        for (Kind kind : Kind.values()) {
            JsonNode rule = null;
            for (JsonNode candidate : rules) {
                rule = candidate.path("id").asText().equals(kind.ruleId) ? candidate : rule;
            }
            if (rule == null || !rule.path("enabled").asBoolean()) {
                throw new StackException("rule " + kind.ruleId + " (the " + kind.label + " attack's) is "
                        + (rule == null ? "not on this stack" : "disabled, or its pack is") + ": nothing would alert");
            }
            String level = rule.path("level").asText();
            String setting = levels.path(kind.ruleId).asText(null);
            if ("never".equals(setting) || setting != null && Level.rank(level) > Level.rank(setting)) {
                throw new StackException("rule " + kind.ruleId + " (level " + level + ") has its alert level set to "
                        + setting + ": it raises no alert");
            }
            System.out.printf("%-11s: %s (%s, level %s)%n", kind.label, rule.path("title").asText(), kind.ruleId,
                    level);
        }
        JsonNode health = get("/api/rules/" + Kind.CORRELATION.ruleId + "/health", admin);
        if (!health.path("inForce").asBoolean()) {
            throw new StackException("correlation " + Kind.CORRELATION.ruleId + " is not running: "
                    + health.path("notInForce").asText());
        }
        System.out.printf("%,d of %,d rules enabled%s%n", enabled, rules.size(),
                enabled < rules.size() ? " (the targets are for every built-in rule enabled)" : "");
    }

    private JsonNode get(String path, String token) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(stack.vigilUrl() + path))
                .timeout(Duration.ofMinutes(1)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StackException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return json.readTree(response.body());
    }
}
