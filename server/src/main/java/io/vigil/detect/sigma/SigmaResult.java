package io.vigil.detect.sigma;

/** What one YAML document of a Sigma stream became. */
public sealed interface SigmaResult permits SigmaResult.Rule, SigmaResult.Filter, SigmaResult.Correlation, SigmaError {

    /** Zero-based position of the document in its stream. */
    int documentIndex();

    /** A detection rule that compiled completely. */
    record Rule(int documentIndex, SigmaRule rule) implements SigmaResult {
    }

    /** A global filter that compiled completely. */
    record Filter(int documentIndex, SigmaFilter filter) implements SigmaResult {
    }

    /**
     * A correlation rule that compiled; its references to other rules are resolved by the correlation
     * engine against the rule set.
     */
    record Correlation(int documentIndex, SigmaCorrelation correlation) implements SigmaResult {
    }
}
