/**
 * Vigil's front door: sources and the storage of their tokens and retention ({@code source}),
 * intake over HTTP, uploads, S3/SQS ({@code aws}) and syslog ({@code syslog}), each source type's
 * format ({@code format}: how a payload splits into items and which normalizer reads them), ECS
 * normalization with native fields kept ({@code normalize}), detection and the hand-over to the event
 * store. A rejected item never disappears: it is answered with its line and reason and kept as a dead
 * letter.
 */
package io.vigil.ingest;
