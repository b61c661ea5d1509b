package io.vigil.index;

/** OpenSearch did not take a batch at all (down, unreachable, overloaded); nothing of it is stored. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
