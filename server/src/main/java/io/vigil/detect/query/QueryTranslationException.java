package io.vigil.detect.query;

/**
 * A rule (or part of one) that the OpenSearch back end cannot express with exactly the in-memory
 * matcher's semantics. Refusing is deliberate: a backtest that silently selects other events than the
 * stream matcher would is worse than no backtest. {@link #feature()} is a stable key for grouping.
 */
public final class QueryTranslationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String feature;

    public QueryTranslationException(String feature, String message) {
        super(feature + ": " + message);
        this.feature = feature;
    }

    public String feature() {
        return feature;
    }
}
