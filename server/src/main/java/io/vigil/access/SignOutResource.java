package io.vigil.access;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Sign-out, by POST from the console's own button (htmx: the cross-site request check applies, so
 * no other site can sign a user out): the server-side session ends at once (a copied cookie stops
 * working), then the browser goes to Keycloak's end-session endpoint, which ends the Keycloak session
 * and returns to {@code /signed-out}.
 */
@Path("/sign-out")
public class SignOutResource {

    private final SecurityIdentity identity;
    private final Instance<OidcSession> session;
    private final Instance<OidcConfigurationMetadata> metadata;
    private final String clientId;

    SignOutResource(SecurityIdentity identity, Instance<OidcSession> session,
            Instance<OidcConfigurationMetadata> metadata,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId) {
        this.identity = identity;
        this.session = session;
        this.metadata = metadata;
        this.clientId = clientId;
    }

    @POST
    @PermitAll
    public Uni<Response> signOut(@Context RoutingContext context, @Context UriInfo uri) {
        String signedOut = uri.getBaseUriBuilder().path("signed-out").build().toString();
        boolean htmx = context.request().getHeader("HX-Request") != null;
        if (identity.isAnonymous() || session.get().getIdToken() == null) {
            return Uni.createFrom().item(redirect(signedOut, htmx));
        }
        String idToken = session.get().getIdToken().getRawToken();
        String endSession = metadata.get().getEndSessionUri();
        context.put(ConsoleSessions.SIGNING_OUT, true);
        return session.get().logout().map(done -> redirect(endSession == null
                ? signedOut
                : endSession + "?client_id=" + encode(clientId) + "&id_token_hint=" + encode(idToken)
                        + "&post_logout_redirect_uri=" + encode(signedOut),
                htmx));
    }

    /**
     * htmx is answered 200 with HX-Redirect (it then loads the page; a 3xx would be followed inside
     * its XMLHttpRequest instead); anything else with a 303.
     */
    private static Response redirect(String to, boolean htmx) {
        return htmx
                ? Response.noContent().status(200).header("HX-Redirect", to).build()
                : Response.seeOther(URI.create(to)).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
