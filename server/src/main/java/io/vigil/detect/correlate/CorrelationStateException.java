package io.vigil.detect.correlate;

/** The correlation state could not be read or written (PostgreSQL away): the caller keeps the inputs to retry. */
public final class CorrelationStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CorrelationStateException(String what, Throwable cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
