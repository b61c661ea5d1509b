package io.vigil.devstack;

import java.util.Map;

/** The ports of one dev stack. */
public record StackPorts(int vigil, int management, int openSearch, int openSearchTransport, int postgres,
        int keycloak, int syslog) {

    /** The ports of {@code ./vigil up}: fixed defaults, each overridable by an environment variable. */
    public static StackPorts fromEnvironment(Map<String, String> env) {
        return new StackPorts(
                port(env, "VIGIL_HTTP_PORT", 8080),
                port(env, "VIGIL_MANAGEMENT_PORT", 9000),
                port(env, "VIGIL_OPENSEARCH_PORT", 9200),
                port(env, "VIGIL_OPENSEARCH_TRANSPORT_PORT", 9300),
                port(env, "VIGIL_POSTGRES_PORT", 5433),
                port(env, "VIGIL_KEYCLOAK_PORT", 8180),
                port(env, "VIGIL_SYSLOG_PORT", 5514));
    }

    /** Ports nobody uses right now, for tests that must not collide with a running dev stack. */
    public static StackPorts free() {
        return new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free());
    }

    /** Checks every port before anything starts, so a taken port never leaves half a stack behind. */
    public void requireAllFree() {
        Ports.requireFree(vigil, "Vigil console", "VIGIL_HTTP_PORT");
        Ports.requireFree(management, "Vigil health and metrics", "VIGIL_MANAGEMENT_PORT");
        Ports.requireFree(openSearch, "OpenSearch HTTP", "VIGIL_OPENSEARCH_PORT");
        Ports.requireFree(openSearchTransport, "OpenSearch transport", "VIGIL_OPENSEARCH_TRANSPORT_PORT");
        Ports.requireFree(postgres, "PostgreSQL", "VIGIL_POSTGRES_PORT");
        Ports.requireFree(keycloak, "Keycloak", "VIGIL_KEYCLOAK_PORT");
        Ports.requireFree(syslog, "Vigil syslog (UDP and TCP)", "VIGIL_SYSLOG_PORT");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(name + "=" + value + " is not a TCP port (1-65535).");
        }
    }
}
