/**
 * The event store adapter: the only package that imports {@code org.opensearch.*}. It owns how
 * OpenSearch is reached ({@link io.vigil.index.OpenSearchNodes}, shared by the query client and the
 * lean bulk path), the index templates for events, findings and dead letters (applied at start,
 * idempotently, retried until OpenSearch answers), readers, the query DSL builders
 * ({@code index.query}), deleting indices by retention, and the store's readiness.
 */
package io.vigil.index;
