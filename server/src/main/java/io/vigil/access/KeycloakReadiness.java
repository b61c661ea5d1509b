package io.vigil.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.vigil.ops.DependencySetup;

/** Readiness of sign-in: the identity provider publishes its OpenID configuration. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    KeycloakReadiness(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.issuer = issuer;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("keycloak").withData("issuer", issuer);
        try {
            var request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(TIMEOUT).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? response.up().build() : response.down().withData("status", status).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (Exception e) {
            return response.down().withData("error", DependencySetup.rootMessage(e)).build();
        }
    }
}
