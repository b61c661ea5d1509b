package io.vigil.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The demo data and the benchmarks change a running stack only through this client, and a benchmark may
 * run against the stack of {@code ./vigil up}, whose real sources rely on its rules. So the client can
 * make and remove sources (with detection on or off for each) but has no way to switch a rule or a pack:
 * a benchmark's "no rules" phase is a source whose events skip detection (issue 18).
 */
class AdminClientTest {

    @Test
    void offersNoWayToChangeRulesOrPacks() {
        var changers = Arrays.stream(AdminClient.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers())).map(Method::getName)
                .filter(name -> name.matches("(?i).*(rule|pack).*") && !name.equals("awaitBuiltinRules"))
                .toList();
        assertThat(changers).isEmpty();
    }
}
