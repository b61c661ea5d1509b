/**
 * Vigil's front door: sources and their ingest tokens, intake (HTTP now; CloudTrail from S3/SQS and
 * syslog next), parsing of payloads into items, normalization to ECS with native fields kept, and
 * the hand-over to the event store. A rejected item never disappears: it is answered with its line
 * and reason and kept as a dead letter.
 */
package io.vigil.ingest;
