package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A stack service that is one child process: launched, awaited, stopped as a tree. */
abstract class ProcessService implements StackService {

    protected final StackLayout layout;
    private ManagedProcess process;

    ProcessService(StackLayout layout) {
        this.layout = layout;
    }

    /** Launches the process and waits until {@code ready} holds. */
    protected final void launch(List<String> command, Map<String, String> env, Path workDir, BooleanSupplier ready,
            Duration timeout) throws IOException {
        process = ManagedProcess.start(name(), command, env, workDir, layout.runDir());
        process.awaitReady(ready, timeout);
    }

    protected final void awaitAgain(BooleanSupplier ready, Duration timeout) throws IOException {
        process.awaitReady(ready, timeout);
    }

    /** Kills the process tree at once, as a crash or the OOM killer would (SIGKILL). */
    public void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    @Override
    public boolean isRunning() {
        return process != null && process.isAlive();
    }
}
