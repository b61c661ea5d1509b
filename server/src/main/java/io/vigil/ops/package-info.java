/**
 * Start-up plumbing at the bottom of the layers: steps that wait for a dependency and retry
 * ({@link io.vigil.ops.DependencySetup}) with their state for readiness. Health and metrics endpoints
 * themselves are Quarkus's, on the management port; the admins' view of the dependencies is in
 * {@code posture}.
 */
package io.vigil.ops;
