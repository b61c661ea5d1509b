package io.vigil.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The handler directory without Keycloak: holders of the role directly and through a group are listed; a directory that never answered says so, naming where it asked; one
 * that answered once keeps serving its last list while Keycloak is away. (The real admin API is exercised by
 * IncidentsTest.)
 */
class HandlerDirectoryTest {

    private static DirectoryConfig config(String realmUrl, Duration cacheFor) {
        return new DirectoryConfig() {

            @Override
            public String realmUrl() {
                return realmUrl;
            }

            @Override
            public String clientId() {
                return "vigil-directory";
            }

            @Override
            public String clientSecret() {
                return "secret";
            }

            @Override
            public Duration cacheFor() {
                return cacheFor;
            }
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The fake Keycloak answers the path with the JSON. */
    private static void answer(HttpServer keycloak, String path, String json) {
        keycloak.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @Test
    void keycloakAwayWithNoEarlierAnswerIsAClearError() throws IOException {
        String realm = "http://127.0.0.1:" + freePort() + "/realms/vigil";
        var directory = new HandlerDirectory(config(realm, Duration.ofSeconds(60)), new ObjectMapper());
        assertThatThrownBy(directory::handlers).isInstanceOf(HandlerDirectory.Unavailable.class)
                .hasMessageStartingWith("cannot list incident handlers: Keycloak's admin API at " + realm
                        + " did not answer");
    }

    @Test
    void theLastListServesWhileKeycloakIsAway() throws IOException {
        HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer(keycloak, "/realms/vigil/protocol/openid-connect/token", "{\"access_token\":\"t\"}");
        answer(keycloak, "/admin/realms/vigil/roles/incident-handler/users",
                "[{\"username\":\"hal\",\"firstName\":\"Hal\",\"lastName\":\"Handler\",\"enabled\":true},"
                        + "{\"username\":\"gone\",\"enabled\":false}]");
        answer(keycloak, "/admin/realms/vigil/roles/incident-handler/groups", "[{\"id\":\"g1\"}]");
        answer(keycloak, "/admin/realms/vigil/groups/g1/members", "[{\"username\":\"grace\",\"enabled\":true}]");
        answer(keycloak, "/admin/realms/vigil/groups/g1/children", "[]");
        keycloak.start();
        String realm = "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/vigil";
        var directory = new HandlerDirectory(config(realm, Duration.ZERO), new ObjectMapper());
        assertThat(directory.handlers()).as("direct holders and members of a group holding the role")
                .extracting(HandlerDirectory.Person::username).containsExactly("grace", "hal");
        keycloak.stop(0);
        assertThat(directory.handler("hal")).as("the last list, Keycloak being away").isPresent();
    }
}
