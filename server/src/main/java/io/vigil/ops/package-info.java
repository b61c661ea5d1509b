/**
 * Running Vigil: start-up steps that wait for a dependency and retry
 * ({@link io.vigil.ops.DependencySetup}), and the administrators' view of the dependencies' state.
 * Health and metrics endpoints themselves are Quarkus's, on the management port.
 */
package io.vigil.ops;
