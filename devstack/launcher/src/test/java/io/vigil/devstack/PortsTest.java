package io.vigil.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortsAreDistinctFreeAndOutsideTheEphemeralRange() throws Exception {
        int ephemeral = Ports.ephemeralStart();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertThat(Ports.isFree(port)).isTrue();
            if (ephemeral > 11_000) {
                assertThat(port).isBetween(10_000, ephemeral - 1);
            }
            ports.add(port);
        }
        assertThat(ports).hasSize(50);
    }
}
