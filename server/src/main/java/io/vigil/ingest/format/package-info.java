/**
 * Source formats by type: for each {@link io.vigil.event.SourceType} one
 * {@link io.vigil.ingest.format.SourceFormat} bean says how its payloads split into items and which
 * normalizer reads them, keeping any per-source state; {@link io.vigil.ingest.format.SourceFormats}
 * finds them and refuses to start with a type unread.
 */
package io.vigil.ingest.format;
