package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class DependencySetupTest {

    private final DependencySetup setup = new DependencySetup("test step", Logger.getLogger(getClass()));

    @Test
    void retriesUntilTheStepSucceedsThenStops() {
        var calls = new AtomicInteger();
        DependencySetup.Step step = () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("wrapper", new java.net.ConnectException("Connection refused"));
            }
            return "done";
        };
        setup.attempt(step);
        assertThat(setup.state()).isEqualTo(new SetupState.Pending("Connection refused"));
        setup.attempt(step);
        setup.attempt(step);
        setup.attempt(step);
        assertThat(setup.state()).isInstanceOf(SetupState.Done.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void reportsDownWithTheReasonUntilDone() {
        setup.attempt(() -> {
            throw new java.io.IOException("no route to host");
        });
        HealthCheckResponse down = setup.report(HealthCheckResponse.named("x"), "step");
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow()).containsEntry("step", "no route to host");

        setup.attempt(() -> "ok");
        assertThat(setup.report(HealthCheckResponse.named("x"), "step").getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
    }
}
