/**
 * Rule management: packs of Sigma rules (built-in and imported), enabling and disabling per rule and
 * per pack, import of YAML with an answer per document, and a version for every change.
 */
package io.vigil.detect.rules;
