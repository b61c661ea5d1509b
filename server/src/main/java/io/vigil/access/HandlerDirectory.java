package io.vigil.access;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may be assigned incidents: the users holding the {@code incident-handler} realm role, listed from
 * Keycloak's admin API (identity stays in Keycloak; Vigil keeps no user list of its own) and reused for
 * {@link DirectoryConfig#cacheFor()}. When Keycloak does not answer, the last list is used if there is one,
 * else {@link Unavailable} says so.
 */
@ApplicationScoped
public class HandlerDirectory {

    /** A person who may be assigned incidents. */
    public record Person(String username, String displayName, String email) {
    }

    /** Keycloak could not say who holds the role, and no earlier answer is at hand. */
    public static class Unavailable extends RuntimeException {

        Unavailable(String message) {
            super(message);
        }
    }

    private record Listed(List<Person> people, Instant at) {
    }

    private final DirectoryConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile Listed last;

    HandlerDirectory(DirectoryConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** The users who hold the handler role, by display name. */
    public List<Person> handlers() {
        Listed cached = last;
        if (cached != null && cached.at().plus(config.cacheFor()).isAfter(Instant.now())) {
            return cached.people();
        }
        try {
            List<Person> people = fetch(Role.INCIDENT_HANDLER.realmRole());
            last = new Listed(people, Instant.now());
            return people;
        } catch (IOException | RuntimeException e) {
            if (cached != null) {
                return cached.people();
            }
            throw new Unavailable("cannot list incident handlers: Keycloak's admin API at " + config.realmUrl()
                    + " did not answer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("cannot list incident handlers: interrupted");
        }
    }

    /** The handler with that user name, if there is one. */
    public Optional<Person> handler(String username) {
        return handlers().stream().filter(p -> p.username().equals(username)).findFirst();
    }

    private List<Person> fetch(String role) throws IOException, InterruptedException {
        String realm = config.realmUrl().replaceAll("/+$", "");
        int split = realm.lastIndexOf("/realms/");
        if (split < 0) {
            throw new IllegalStateException("the realm URL does not end in /realms/<name>: " + realm);
        }
        URI users = URI.create(realm.substring(0, split) + "/admin" + realm.substring(split) + "/roles/"
                + URLEncoder.encode(role, StandardCharsets.UTF_8) + "/users?first=0&max=1000");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(users).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token(realm)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("HTTP " + answer.statusCode() + " listing the holders of " + role);
        }
        List<Person> people = new ArrayList<>();
        for (JsonNode user : json.readTree(answer.body())) {
            if (!user.path("enabled").asBoolean(true)) {
                continue;
            }
            String username = user.path("username").asText();
            String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
            people.add(new Person(username, name.isEmpty() ? username : name, user.path("email").asText(null)));
        }
        people.sort(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(people);
    }

    private String token(String realm) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id="
                + URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(config.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(realm
                + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("HTTP " + answer.statusCode() + " for the directory client's token");
        }
        return json.readTree(answer.body()).path("access_token").asText();
    }
}
