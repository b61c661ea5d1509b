/**
 * In-memory evaluation of compiled Sigma rules on one event at a time.
 *
 * <p>
 * {@link io.vigil.detect.match.RuleMatcher} turns a detection's AST into a tree of small evaluators
 * once; {@link io.vigil.detect.match.EventFields} is the event seen by field name (with
 * {@link io.vigil.detect.match.JsonEventFields} over Jackson trees), keeping absent and null apart
 * because Sigma's {@code null} and {@code exists} depend on it. Matching runs on every ingested event, so
 * evaluators avoid copying strings and allocating per value where they can.
 */
package io.vigil.detect.match;
