package io.vigil.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * The headers every response of the console's port carries, pages and API alike: a Content-Security-
 * Policy that allows the console's own scripts and styles only (no inline script or style, no eval,
 * so an event value that slipped into markup still could not run), no framing (a click on "disable
 * rule" cannot be stolen through a frame), no MIME sniffing, no referrer to other sites, and HSTS
 * when the console is reached over TLS. Swagger UI's page is the one exception: its bundled page
 * starts itself with an inline script, so that path alone may run one.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** The four sets of headers, made once: every response (ingest's too) takes one, nothing is built per request. */
    private final Map<String, String> console;
    private final Map<String, String> consoleTls;
    private final Map<String, String> swagger;
    private final Map<String, String> swaggerTls;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String identityProvider) {
        // Swagger UI reads the identity provider's discovery document for its "Authorize" button
        String swaggerPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:; connect-src 'self' " + origin(identityProvider) + "; object-src 'none';"
                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        this.console = headers(CONSOLE_POLICY, false);
        this.consoleTls = headers(CONSOLE_POLICY, true);
        this.swagger = headers(swaggerPolicy, false);
        this.swaggerTls = headers(swaggerPolicy, true);
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            var headers = context.response().headers();
            headersFor(context.normalizedPath(), "https".equals(context.request().scheme())).forEach(headers::set);
            context.next();
        }, 1000);
    }

    /** The headers for a response to {@code path}, reached over TLS or not. */
    Map<String, String> headersFor(String path, boolean tls) {
        return path.startsWith("/q/swagger-ui") ? (tls ? swaggerTls : swagger) : (tls ? consoleTls : console);
    }

    private static Map<String, String> headers(String policy, boolean tls) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", policy);
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        if (tls) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        return java.util.Collections.unmodifiableMap(headers);
    }
}
