/**
 * Shared page plumbing only: the layout and navigation (an item appears only with the permission
 * its page needs), error pages for browsers and JSON errors for programs, and the console's entry
 * pages until each feature package serves its own.
 */
package io.vigil.web;
