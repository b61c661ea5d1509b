package io.vigil.devstack;

import java.io.IOException;

/** One process of the dev stack that can be started, stopped and started again on the same data. */
public interface StackService extends AutoCloseable {

    String name();

    /** Starts the service and returns once it answers. */
    void start() throws IOException;

    /** Stops the service; its data stays. */
    void stop();

    boolean isRunning();

    @Override
    default void close() {
        stop();
    }
}
