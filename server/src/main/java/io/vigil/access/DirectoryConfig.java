package io.vigil.access;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the server asks Keycloak's admin API who holds a role: a confidential client with a service account
 * that may only view users ({@code vigil-directory} in the demo realm).
 */
@ConfigMapping(prefix = "vigil.directory")
public interface DirectoryConfig {

    /** The realm's URL as the server reaches it, the OIDC auth-server-url ({@code .../realms/vigil}). */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    String realmUrl();

    @WithDefault("vigil-directory")
    String clientId();

    String clientSecret();

    /** How long a list of role holders is reused before Keycloak is asked again. */
    @WithDefault("60s")
    Duration cacheFor();
}
