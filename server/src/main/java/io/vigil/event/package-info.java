/**
 * The shared vocabulary of events: field names written on every event ({@link io.vigil.event.Ecs})
 * and the kinds of source ({@link io.vigil.event.SourceType}). No behaviour lives here.
 */
package io.vigil.event;
