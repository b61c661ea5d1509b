package io.vigil.access;

import java.lang.reflect.Field;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.oidc.SecurityEvent;
import io.quarkus.oidc.common.runtime.OidcConstants;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;

/**
 * Keycloak's back-channel logout (its admin, or the user signing out elsewhere, ended the Keycloak
 * session): quarkus-oidc verifies the logout token at {@code /back-channel-logout} but remembers it in
 * one replica's memory only, so the sessions it names are also ended here, in PostgreSQL, for every
 * replica at once.
 */
@ApplicationScoped
class BackChannelLogouts {

    private static final Logger LOG = Logger.getLogger(BackChannelLogouts.class);

    private final ConsoleSessions sessions;

    BackChannelLogouts(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    void onLogout(@Observes SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_BACKCHANNEL_LOGOUT_INITIATED) {
            return;
        }
        JsonObject claims = claims(event.getEventProperties().get(OidcConstants.BACK_CHANNEL_LOGOUT_TOKEN));
        if (claims == null) {
            LOG.warn("back-channel logout: the verified logout token could not be read; sessions end at their"
                    + " next token refresh instead");
            return;
        }
        String sid = claims.getString("sid");
        String subject = claims.getString("sub");
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            long ended = sessions.endKeycloakSession(sid, subject);
            LOG.infof("back-channel logout from Keycloak: %d console session(s) ended (sid %s)", ended, sid);
        });
    }

    /**
     * The claims of the verified logout token. quarkus-oidc passes its verification result, whose claims
     * are not public: read reflectively, and the test of back-channel logout fails if that ever changes.
     */
    private static JsonObject claims(Object verification) {
        if (verification == null) {
            return null;
        }
        try {
            Field field = verification.getClass().getDeclaredField("localVerificationResult");
            field.setAccessible(true);
            return (JsonObject) field.get(verification);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
