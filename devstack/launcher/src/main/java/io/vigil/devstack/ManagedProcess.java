package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process of the dev stack: its output goes to a log file, its pid and start time to a
 * pid file (so {@code ./vigil down} stops exactly the processes the stack started, never a
 * stranger that reused the pid), and stopping it stops its whole process tree.
 */
public final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} with {@code env} added to this process's environment. Standard input
     * stays a pipe held by this JVM: children that watch it exit when the stack's JVM dies.
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
            Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path log = runDir.resolve(name + ".log");
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        Path pidFile = runDir.resolve(name + ".pid");
        writePidFile(pidFile, process.toHandle());
        return new ManagedProcess(name, process, log, pidFile);
    }

    static void writePidFile(Path pidFile, ProcessHandle handle) throws IOException {
        String started = handle.info().startInstant().map(Instant::toString).orElse("");
        Files.writeString(pidFile, handle.pid() + " " + started + "\n");
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code ready} holds; fails with the log's tail if the process dies or time runs out. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (exitsWithin(Duration.ofMillis(500))) {
                throw new IOException(name + " exited with code " + process.exitValue() + " before it was ready.\n"
                        + "Last lines of " + log + ":\n" + tail(log, 25));
            }
        }
        throw new IOException(name + " was not ready after " + timeout.toSeconds() + " s.\nLast lines of " + log + ":\n"
                + tail(log, 25));
    }

    /** Waits for the process to end, at most {@code wait}; whether it ended. */
    private boolean exitsWithin(Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    /** Kills the process and its descendants without warning. */
    public void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            System.err.println("could not remove " + pidFile + ": " + e.getMessage());
        }
    }

    /** Stops the process and its descendants: politely first, forcibly after a grace period. */
    @Override
    public void close() {
        stopTree(process.toHandle(), Duration.ofSeconds(30));
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            System.err.println("could not remove " + pidFile + ": " + e.getMessage());
        }
    }

    static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    /**
     * The process recorded in a pid file, if it is still the same process (same pid and start time).
     */
    public static Optional<ProcessHandle> recorded(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String[] parts = Files.readString(pidFile).trim().split(" ");
        Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parts[0]));
        String started = parts.length > 1 ? parts[1] : "";
        return handle.filter(h -> h.info().startInstant().map(Instant::toString).orElse("").equals(started));
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

}
