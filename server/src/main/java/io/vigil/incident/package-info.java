/**
 * Incidents: cases opened by hand or from alerts, moved through their states by handlers, with evidence
 * (alerts, pinned events, observables, comments), tasks from playbooks, a timeline of every change and SLA
 * targets per severity. Uses {@code detect} (alerts) and {@code search} (events, through the scope filter).
 */
package io.vigil.incident;
