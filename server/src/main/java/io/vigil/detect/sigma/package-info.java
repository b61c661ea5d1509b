/**
 * Sigma (specification v2.1) documents to a typed AST.
 *
 * <p>
 * {@link io.vigil.detect.sigma.SigmaParser} reads a YAML stream and gives one
 * {@link io.vigil.detect.sigma.SigmaResult} per document: a {@link io.vigil.detect.sigma.SigmaRule}, a
 * {@link io.vigil.detect.sigma.SigmaFilter}, a correlation handed on unchanged, or a
 * {@link io.vigil.detect.sigma.SigmaError} naming rule, place and feature. The AST
 * ({@link io.vigil.detect.sigma.Detection}, {@link io.vigil.detect.sigma.Search},
 * {@link io.vigil.detect.sigma.Condition}, {@link io.vigil.detect.sigma.ValueTest}) is shared by the
 * back ends — the in-memory matcher ({@code io.vigil.detect.match}) and the OpenSearch query builder —
 * so modifiers are resolved here once: encodings, windash and expand are already applied, wildcards are
 * plain string operations where possible and RE2 patterns otherwise, and long equality lists are hash
 * sets. Regular expressions use RE2/J, so no rule can make matching super-linear; patterns RE2 cannot
 * express are refused rather than run on a backtracking engine.
 */
package io.vigil.detect.sigma;
