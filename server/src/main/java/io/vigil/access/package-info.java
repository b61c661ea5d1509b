/**
 * Who may do what. Keycloak signs people in over OpenID Connect (code flow in the browser,
 * bearer tokens on {@code /api}); realm roles become Vigil {@link io.vigil.access.Permission}s
 * through the one table in {@link io.vigil.access.RolePermissions}; every endpoint names the
 * permission it needs and anything unannotated is denied. Event shippers sign in with ingest tokens
 * ({@link io.vigil.access.IngestTokens}, {@link io.vigil.access.IngestTokenAuthentication}), which the
 * feature owning sources resolves ({@link io.vigil.access.SourceTokens}). The package also keeps the
 * directory of people who have signed in and reports whether the identity provider is reachable.
 */
package io.vigil.access;
