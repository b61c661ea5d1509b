package io.vigil.devstack;

/** A dev-stack failure with a message meant for the person at the terminal, not a stack trace. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
