package io.vigil.devstack.aws;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs another program's main class and ends the JVM when standard input closes, so a dev stack or
 * test JVM that dies never leaves an orphan s3proxy or ElasticMQ behind (the parent holds the pipe).
 *
 * <p>Arguments: {@code MAIN_CLASS [ARGS...]}, e.g. {@code org.gaul.s3proxy.Main --properties s3proxy.conf}
 * or {@code org.elasticmq.server.Main} (with {@code -Dconfig.file=elasticmq.conf}).
 */
public final class ExitOnStdinEof {

    private ExitOnStdinEof() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ExitOnStdinEof MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        Thread watchdog = new Thread(() -> {
            waitForEof(System.in);
            System.exit(0);
        }, "exit-on-stdin-eof");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void waitForEof(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // discard: standard input only tells that the parent is alive
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone as well
        }
    }
}
