/**
 * What managers and admins read about the state of things: for now the dependencies' state
 * ({@link io.vigil.posture.DependenciesResource}); posture summaries and source health come here.
 */
package io.vigil.posture;
