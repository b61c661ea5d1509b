package io.vigil.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Browser sessions kept in PostgreSQL instead of in cookies (ADR 0016). The session cookie holds a
 * random id; the tokens stay here, encrypted as OIDC hands them over. So signing out ends the session
 * for every copy of the cookie, on every replica; Keycloak's back-channel logout ends it by its sid; and
 * a session unused for {@code vigil.session.idle-timeout} ends.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ConsoleSessions implements TokenStateManager {

    /** Put into the routing context by sign-out: the session then ends at once, not after a grace. */
    public static final String SIGNING_OUT = "vigil.signing-out";
    /** Put into the routing context when a session ended idle: the sign-in it leads to asks for the password. */
    static final String IDLE_ENDED = "vigil.idle-ended";
    /** How long tokens that refreshed ones replaced still serve requests that were already under way. */
    static final Duration SUPERSEDED_GRACE = Duration.ofSeconds(30);
    /** Writing the last use at most this often spares a database write per request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class);

    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();
    private final Duration idleTimeout;
    private final Clock clock;

    ConsoleSessions(@ConfigProperty(name = "vigil.session.idle-timeout", defaultValue = "30m") Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig config, AuthorizationCodeTokens tokens,
            OidcRequestContext<String> request) {
        JsonNode claims = claims(OidcUtils.decryptTokens(context, config, tokens).getIdToken());
        return request.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Instant now = clock.instant();
            ConsoleSession session = new ConsoleSession();
            session.idHash = IngestTokens.hash(id);
            session.idToken = tokens.getIdToken();
            session.accessToken = tokens.getAccessToken();
            session.refreshToken = tokens.getRefreshToken();
            session.accessExpiresIn = tokens.getAccessTokenExpiresIn();
            session.accessScope = tokens.getAccessTokenScope();
            session.sid = text(claims, "sid");
            session.subject = text(claims, "sub");
            session.createdAt = now;
            session.lastUsedAt = now;
            session.persist();
            return id;
        }));
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig config, String id,
            OidcRequestContext<AuthorizationCodeTokens> request) {
        return request.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> {
            ConsoleSession session = ConsoleSession.findById(IngestTokens.hash(id));
            Instant now = clock.instant();
            if (session == null) {
                throw new AuthenticationFailedException("no such session (signed out, or ended)");
            }
            if (session.lastUsedAt.plus(idleTimeout).isBefore(now)) {
                session.delete();
                context.put(IDLE_ENDED, true);
                throw new AuthenticationFailedException("the session ended: idle for " + idleTimeout);
            }
            if (session.supersededAt != null && session.supersededAt.plus(SUPERSEDED_GRACE).isBefore(now)) {
                session.delete();
                throw new AuthenticationFailedException("the session's tokens were replaced");
            }
            if (session.lastUsedAt.plus(TOUCH_EVERY).isBefore(now)) {
                session.lastUsedAt = now;
            }
            return new AuthorizationCodeTokens(session.idToken, session.accessToken, session.refreshToken,
                    session.accessExpiresIn, session.accessScope);
        }));
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig config, String id,
            OidcRequestContext<Void> request) {
        boolean signingOut = Boolean.TRUE.equals(context.get(SIGNING_OUT));
        return request.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> {
            ConsoleSession session = ConsoleSession.findById(IngestTokens.hash(id));
            if (session != null && signingOut) {
                session.delete();
            } else if (session != null && session.supersededAt == null) {
                // replaced by refreshed tokens: requests already under way with this cookie still finish
                session.supersededAt = clock.instant();
            }
            return null;
        }));
    }

    /** Ends every session of a Keycloak session (sid), or of a user when Keycloak names no sid. */
    public long endKeycloakSession(String sid, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> sid != null
                ? ConsoleSession.delete("sid", sid)
                : subject != null ? ConsoleSession.delete("subject", subject) : 0L);
    }

    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEnded() {
        try {
            Instant now = clock.instant();
            long gone = QuarkusTransaction.requiringNew().call(() -> ConsoleSession.delete(
                    "lastUsedAt < ?1 or supersededAt < ?2", now.minus(idleTimeout), now.minus(SUPERSEDED_GRACE)));
            if (gone > 0) {
                LOG.debugf("%d ended console sessions forgotten", gone);
            }
        } catch (RuntimeException e) {
            LOG.debugf("ended console sessions not forgotten this time: %s", e.getMessage());
        }
    }

    private JsonNode claims(String idToken) {
        try {
            String[] parts = idToken.split("\\.");
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
