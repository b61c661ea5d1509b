package io.vigil.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the server under test at the shared {@link TestStack}. The HTTP port is the one the
 * Keycloak realm was told (its redirect URIs), so the browser sign-in works.
 */
public class VigilStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        var stack = TestStack.get();
        Map<String, String> config = new HashMap<>(stack.serverConfig());
        config.put("quarkus.http.test-port", String.valueOf(stack.ports().vigil()));
        config.put("quarkus.management.test-port", String.valueOf(stack.ports().management()));
        config.putAll(TestAws.get().serverConfig());
        return config;
    }

    @Override
    public void stop() {
        // the stack outlives one application start: TestStack stops it when the JVM exits
    }
}
