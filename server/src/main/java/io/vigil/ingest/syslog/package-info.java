/**
 * Syslog: reading the header of RFC 3164 and RFC 5424 lines into their parts. The network
 * listener and the authentication-message parsers build on it.
 */
package io.vigil.ingest.syslog;
