package io.vigil.ops;

/** Progress of a start-up task that waits for a dependency: done, or pending with the last reason. */
public sealed interface SetupState {

    record Done() implements SetupState {
    }

    /** Not done yet; {@code reason} is the last failure, or null before the first attempt. */
    record Pending(String reason) implements SetupState {
    }
}
