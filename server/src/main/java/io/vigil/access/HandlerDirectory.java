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
    private static final int PAGE = 200;

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

    /**
     * The role's direct holders and the members of the groups that hold it (and of their subgroups, which
     * inherit it), each list read page by page. Holders through a composite role are not followed.
     */
    private List<Person> fetch(String role) throws IOException, InterruptedException {
        String realm = config.realmUrl().replaceAll("/+$", "");
        int split = realm.lastIndexOf("/realms/");
        if (split < 0) {
            throw new IllegalStateException("the realm URL does not end in /realms/<name>: " + realm);
        }
        String admin = realm.substring(0, split) + "/admin" + realm.substring(split);
        String bearer = "Bearer " + token(realm);
        String roleUsers = "/roles/" + URLEncoder.encode(role, StandardCharsets.UTF_8);
        java.util.Map<String, Person> people = new java.util.TreeMap<>();
        for (JsonNode user : pages(admin + roleUsers + "/users", bearer)) {
            add(people, user);
        }
        java.util.Deque<String> groups = new java.util.ArrayDeque<>();
        pages(admin + roleUsers + "/groups", bearer).forEach(group -> groups.add(group.path("id").asText()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!groups.isEmpty() && seen.size() < 1_000) {
            String group = groups.pop();
            if (!seen.add(group)) {
                continue;
            }
            for (JsonNode member : pages(admin + "/groups/" + group + "/members", bearer)) {
                add(people, member);
            }
            pages(admin + "/groups/" + group + "/children", bearer).forEach(child -> groups.add(child.path("id")
                    .asText()));
        }
        List<Person> sorted = new ArrayList<>(people.values());
        sorted.sort(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(sorted);
    }

    private static void add(java.util.Map<String, Person> people, JsonNode user) {
        if (!user.path("enabled").asBoolean(true)) {
            return;
        }
        String username = user.path("username").asText();
        String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
        people.put(username, new Person(username, name.isEmpty() ? username : name, user.path("email").asText(null)));
    }

    /** Every item of a listing, asked for {@value #PAGE} at a time. */
    private List<JsonNode> pages(String url, String bearer) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        for (int first = 0;; first += PAGE) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "?first=" + first
                    + "&max=" + PAGE)).timeout(Duration.ofSeconds(5)).header("Authorization", bearer).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("HTTP " + answer.statusCode() + " from " + URI.create(url).getPath());
            }
            int before = items.size();
            json.readTree(answer.body()).forEach(items::add);
            if (items.size() - before < PAGE) {
                return items;
            }
        }
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
