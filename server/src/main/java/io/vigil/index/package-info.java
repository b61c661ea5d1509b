/**
 * The event store adapter: the only package that imports {@code org.opensearch.*}. It owns the
 * OpenSearch client, the index templates for events, findings and dead letters (applied at start,
 * idempotently, retried until OpenSearch answers), and the store's readiness.
 */
package io.vigil.index;
