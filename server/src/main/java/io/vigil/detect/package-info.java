/**
 * Detection: Sigma rules compiled ({@code sigma}), evaluated on every event as it is ingested
 * ({@code match}, {@link io.vigil.detect.DetectionService}), every match written to a finding next to
 * the events (one finding per rule, ingest batch, group-by values and day: ADR 0010); rules and packs
 * managed in {@code rules}.
 */
package io.vigil.detect;
