/**
 * Aggregation pipes of the search bar ({@code query | stats count() by source.ip}): the parser, the
 * OpenSearch aggregations a pipe asks for, and the table and chart read back from the response. Free of
 * CDI and HTTP so every step is a plain unit test; the search service wires them to OpenSearch.
 */
package io.vigil.search.pipe;
