package io.vigil.ops;

import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * A start-up task that needs a dependency (apply index templates, migrate the database): tried
 * until it succeeds once, with its progress kept for readiness. A repeated failure for the same
 * reason is logged once, so an outage does not flood the log.
 */
public final class DependencySetup {

    /** The work itself; it may fail with any exception while the dependency is away. */
    @FunctionalInterface
    public interface Step {

        String run() throws Exception;
    }

    private final String what;
    private final Logger log;
    private final AtomicReference<SetupState> state = new AtomicReference<>(new SetupState.Pending(null));

    public DependencySetup(String what, Logger log) {
        this.what = what;
        this.log = log;
    }

    public SetupState state() {
        return state.get();
    }

    /** Runs the step unless it already succeeded; the step returns a line to log on success. */
    public void attempt(Step step) {
        if (state.get() instanceof SetupState.Done) {
            return;
        }
        try {
            String outcome = step.run();
            state.set(new SetupState.Done());
            log.info(outcome);
        } catch (Exception e) {
            String reason = rootMessage(e);
            if (!(state.get() instanceof SetupState.Pending pending && reason.equals(pending.reason()))) {
                log.warnf("%s not done yet (will retry): %s", what, reason);
            }
            state.set(new SetupState.Pending(reason));
        }
    }

    /** Completes a readiness response: up when done, down with the last reason otherwise. */
    public HealthCheckResponse report(HealthCheckResponseBuilder response, String key) {
        return switch (state.get()) {
            case SetupState.Done done -> response.up().withData(key, "done").build();
            case SetupState.Pending pending -> response.down()
                    .withData(key, pending.reason() == null ? "pending" : pending.reason()).build();
        };
    }

    /** The innermost message of an exception chain: the part that names what actually failed. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
