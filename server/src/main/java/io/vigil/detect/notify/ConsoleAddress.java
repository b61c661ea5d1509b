package io.vigil.detect.notify;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The console's address as people outside reach it, for the links in messages. */
@ApplicationScoped
public class ConsoleAddress {

    private final String url;

    ConsoleAddress(@ConfigProperty(name = "vigil.console-url") Optional<String> configured,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        String base = configured.filter(u -> !u.isBlank()).orElse("http://localhost:" + port);
        this.url = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String url() {
        return url;
    }
}
