package io.vigil.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Port checks with messages a person can act on. */
public final class Ports {

    private Ports() {
    }

    /** Fails with a clear message when {@code port} is taken. */
    public static void requireFree(int port, String what, String setting) {
        if (!isFree(port)) {
            throw new StackException("Port " + port + " (" + what + ") is already in use. Stop whatever uses it, "
                    + "or choose another port with " + setting + ".");
        }
    }

    public static boolean isFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Where {@link #free} picks from when the kernel's ephemeral range starts above it. */
    private static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port nobody listens on right now (tests run on whatever is free), below the kernel's ephemeral
     * range: a port from that range, picked long before its service binds it (the server starts after
     * OpenSearch and PostgreSQL, 20 s later), could meanwhile become the local end of any outgoing
     * connection, and the service then found it "already in use". Never the same port twice in one run.
     */
    public static int free() {
        int ephemeral = ephemeralStart();
        if (ephemeral > LOWEST + 1_000) {
            for (int attempt = 0; attempt < 1_000; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeral);
                if (HANDED_OUT.add(port) && isFree(port)) {
                    return port;
                }
            }
        }
        // the system's choice, which may repeat a port it gave a moment ago: never hand one out twice
        for (int attempt = 0; attempt < 1_000; attempt++) {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new StackException("no free TCP port on the loopback interface: " + e.getMessage());
            }
        }
        throw new StackException("no TCP port on the loopback interface that was not handed out already");
    }

    /** The first port of Linux's ephemeral range; 0 where there is none to read. */
    static int ephemeralStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
