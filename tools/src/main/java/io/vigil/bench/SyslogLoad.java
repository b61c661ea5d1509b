package io.vigil.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.vigil.devstack.StackException;

/**
 * Routine syslog lines to the stack's syslog listener over one TCP connection, newline-framed as
 * rsyslog forwards them, at a steady rate: a slice every 100 ms, each due at its own time counted from
 * the start. Attack lines go over the same connection between two slices, as they would through the
 * same relay. A listener that falls behind pauses the writes (TCP), which shows in the rate achieved.
 */
final class SyslogLoad implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final LatencyEvents events;
    private final int lps;
    private final AtomicLong written = new AtomicLong();
    private Thread pacer;
    private volatile boolean running;
    private volatile Exception failure;

    SyslogLoad(int port, LatencyEvents events, int lps) throws IOException {
        try {
            this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
            throw new StackException("no syslog listener on TCP port " + port + " (" + e.getMessage() + ")", e);
        }
        // an attack's last line leaves when it is written, not when a segment fills
        socket.setTcpNoDelay(true);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.events = events;
        this.lps = lps;
    }

    /** Starts the stream; at 0 lines/s there is none, and attacks go alone. */
    void start() {
        if (lps <= 0) {
            return;
        }
        running = true;
        pacer = Thread.ofPlatform().daemon().name("syslog-load").start(this::pace);
    }

    /** Writes lines at once (an attack's, or a slice); returns once they are handed to the connection. */
    synchronized void write(List<String> lines) throws IOException {
        for (String line : lines) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
        written.addAndGet(lines.size());
    }

    /** Lines written so far, routine and attacks. */
    long lines() {
        return written.get();
    }

    /** Throws what stopped the stream, if something did. */
    void check() {
        Exception failed = failure;
        if (failed != null) {
            throw new StackException("the syslog load stopped: " + failed.getMessage(), failed);
        }
    }

    private void pace() {
        long start = System.nanoTime();
        try {
            for (long slice = 0; running; slice++) {
                long wait = start + slice * IntakeLoad.TICK.toNanos() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                int size = (int) (lps * (slice + 1) / IntakeLoad.TICKS_PER_SECOND
                        - lps * slice / IntakeLoad.TICKS_PER_SECOND);
                Instant now = Instant.now();
                List<String> lines = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    lines.add(events.routineLine(now));
                }
                write(lines);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e;
            running = false;
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            if (pacer != null) {
                pacer.join(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            synchronized (this) {
                out.flush();
            }
        } finally {
            socket.close();
        }
    }
}
