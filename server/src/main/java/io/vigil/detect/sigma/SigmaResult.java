package io.vigil.detect.sigma;

import java.util.List;
import java.util.Map;

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
     * A correlation rule. Not an error: correlations are evaluated by the correlation engine over
     * findings, not by this compiler, so the document is handed on as read.
     */
    record Correlation(int documentIndex, String id, String title, String name, String type, List<String> rules,
            Map<String, Object> document, String yaml) implements SigmaResult {

        public static final String NOTE = "correlation rules are evaluated by the correlation engine, not this compiler";
    }
}
