package io.vigil.access;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;

/**
 * After a session ended idle, the way back in asks for the password even while Keycloak's own
 * single sign-on session lasts: otherwise Keycloak would sign the user in again without a word, and
 * the console's idle timeout would end nothing.
 */
@ApplicationScoped
@Unremovable // quarkus-oidc looks redirect filters up by type, which bean removal does not see
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
class IdleSignIn implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext redirect) {
        if (Boolean.TRUE.equals(redirect.routingContext().get(ConsoleSessions.IDLE_ENDED))) {
            redirect.additionalQueryParams().add("prompt", "login");
        }
    }
}
