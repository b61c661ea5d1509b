package io.vigil.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The user of the current request, for services and templates ({@code {inject:currentUser.user}}).
 * Anonymous requests have no user; pages that render it are all behind a permission.
 */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final ScopeSources scopes;
    private final AccessConfig config;
    private VigilUser user;

    CurrentUser(SecurityIdentity identity, ScopeSources scopes, AccessConfig config) {
        this.identity = identity;
        this.scopes = scopes;
        this.config = config;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public VigilUser user() {
        if (user == null) {
            user = VigilUser.of(identity).withSources(scopes, config.unscoped());
        }
        return user;
    }
}
