package io.vigil.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.vigil.devstack.DevStack;
import io.vigil.devstack.StackLayout;
import io.vigil.devstack.StackPorts;

/**
 * The real OpenSearch, PostgreSQL and Keycloak of one test JVM: started once on free ports with
 * fresh data, shared by every test, stopped when the JVM exits. Keycloak alone takes up to a
 * minute to start, so no test restarts the stack.
 */
public final class TestStack {

    private static DevStack stack;

    private TestStack() {
    }

    public static synchronized DevStack get() {
        if (stack == null) {
            Path data = Path.of("target/test-stack").toAbsolutePath();
            deleteTree(data);
            stack = new DevStack(StackLayout.here(data), StackPorts.free()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
