package io.vigil.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

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

    /** A port nobody listens on right now (tests run on whatever is free). */
    public static int free() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("no free TCP port on the loopback interface: " + e.getMessage());
        }
    }
}
