package io.vigil.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vigil.event.EventSource;

/**
 * Authenticates event shippers on {@code /api/ingest/*} with a source's ingest token
 * ({@code Authorization: Bearer vgl_…} or {@code X-Vigil-Token}). It runs before OIDC, so people's
 * Keycloak tokens keep working everywhere else; the identity it makes holds only
 * {@code ingest:write} and the name of its one source.
 */
@ApplicationScoped
public class IngestTokenAuthentication implements HttpAuthenticationMechanism {

    /** Identity attribute with the {@link EventSource} the token writes to. */
    public static final String SOURCE_ATTRIBUTE = "vigil.ingest.source";

    static final String PATH_PREFIX = "/api/ingest/";

    /** The token a request presents. */
    static final class TokenRequest extends BaseAuthenticationRequest {

        final String token;

        TokenRequest(String token) {
            this.token = token;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!context.normalizedPath().startsWith(PATH_PREFIX)) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return presentedToken(context).map(token -> identities.authenticate(new TokenRequest(token)))
                .orElseGet(() -> Uni.createFrom().optional(Optional.empty()));
    }

    static Optional<String> presentedToken(RoutingContext context) {
        String header = context.request().getHeader("X-Vigil-Token");
        if (header == null) {
            String authorization = context.request().getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                header = authorization.substring(7).trim();
            }
        }
        return IngestTokens.looksLikeToken(header) ? Optional.of(header) : Optional.empty();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!context.normalizedPath().startsWith(PATH_PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"vigil-ingest\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    /** Before OIDC (priority 1001), which would refuse an ingest token as a malformed JWT. */
    @Override
    public int getPriority() {
        return 2000;
    }

    /** Resolves a token to its source on a worker thread (it may ask PostgreSQL). */
    @ApplicationScoped
    static class TokenIdentityProvider implements IdentityProvider<TokenRequest> {

        private final SourceTokens sources;

        TokenIdentityProvider(SourceTokens sources) {
            this.sources = sources;
        }

        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sources.sourceOf(request.token).map(TokenIdentityProvider::identity)
                    .orElseThrow(() -> new AuthenticationFailedException("unknown ingest token")));
        }

        static SecurityIdentity identity(EventSource source) {
            var write = PermissionAugmentor.asStringPermission(Permission.INGEST_WRITE);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("source:" + source.name()))
                    .addAttribute(SOURCE_ATTRIBUTE, source)
                    .addAttribute(VigilUser.PERMISSIONS_ATTRIBUTE, EnumSet.of(Permission.INGEST_WRITE))
                    .addPermissionChecker(requested -> Uni.createFrom().item(write.implies(requested)))
                    .build();
        }
    }
}
