package io.vigil.detect.sigma;

/** Thrown inside the compiler and turned into a {@link SigmaError} at the document boundary. */
final class SigmaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String feature;

    SigmaException(String path, String feature, String message) {
        super(message, null, false, false);
        this.path = path;
        this.feature = feature;
    }

    String path() {
        return path;
    }

    String feature() {
        return feature;
    }
}
