/**
 * PostgreSQL plumbing shared by the workflow features: Flyway migrations run as soon as the
 * database answers (not at boot, so the server starts during an outage) and the database's
 * readiness. Features keep their own entities; this package owns none.
 */
package io.vigil.store;
