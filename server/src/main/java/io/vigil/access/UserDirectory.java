package io.vigil.access;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.SecurityEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vigil.ops.DependencySetup;

/**
 * Keeps the directory of people who have signed in (for assignee and owner pickers), updated at
 * each browser sign-in. Identity itself stays in Keycloak.
 */
@ApplicationScoped
public class UserDirectory {

    private static final Logger LOG = Logger.getLogger(UserDirectory.class);

    private final Clock clock;

    UserDirectory() {
        this(Clock.systemUTC());
    }

    UserDirectory(Clock clock) {
        this.clock = clock;
    }

    /** OIDC fires sign-in events on the I/O thread; the database write happens on a worker. */
    void onSignIn(@Observes SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN) {
            return;
        }
        VigilUser user = VigilUser.of(event.getSecurityIdentity());
        String email = event.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token
                ? token.getClaim("email")
                : null;
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                record(user, email);
            } catch (RuntimeException e) {
                LOG.warnf("Sign-in of %s not recorded in the user directory: %s", user.username(),
                        DependencySetup.rootMessage(e));
            }
        });
    }

    @Transactional
    public void record(VigilUser user, String email) {
        Instant now = clock.instant();
        KnownUser known = KnownUser.findById(user.subject());
        if (known == null) {
            known = new KnownUser();
            known.subject = user.subject();
            known.firstSeen = now;
        }
        known.username = user.username();
        known.displayName = user.displayName();
        known.email = email;
        known.roles = user.roles().stream().map(Role::realmRole).toArray(String[]::new);
        known.lastSeen = now;
        known.persist();
    }

}
