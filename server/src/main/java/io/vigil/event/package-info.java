/**
 * The shared vocabulary at the bottom of the layers: field names written on every event
 * ({@link io.vigil.event.Ecs}), the kinds of source ({@link io.vigil.event.SourceType}) and a source as
 * intake knows it ({@link io.vigil.event.EventSource}), Sigma's levels ({@link io.vigil.event.Level}) and
 * stable content ids ({@link io.vigil.event.ContentIds}). It uses no other Vigil package.
 */
package io.vigil.event;
