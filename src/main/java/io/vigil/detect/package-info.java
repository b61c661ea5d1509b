/**
 * Detection: Sigma rules compiled ({@code sigma}), evaluated on every event as it is ingested
 * ({@code match}, {@link io.vigil.detect.DetectionService}), each match written as a finding next to
 * the event; rules and packs managed in {@code rules}.
 */
package io.vigil.detect;
