/**
 * The shared vocabulary at the bottom of the layers: field names written on every event
 * ({@link io.vigil.event.Ecs}), the kinds of source ({@link io.vigil.event.SourceType}) and a source as
 * intake knows it ({@link io.vigil.event.EventSource}), Sigma's levels ({@link io.vigil.event.Level}),
 * stable content ids ({@link io.vigil.event.ContentIds}) and the names of MITRE ATT&amp;CK ids in Sigma tags
 * ({@link io.vigil.event.AttackTechniques}). It uses no other Vigil package.
 */
package io.vigil.event;
