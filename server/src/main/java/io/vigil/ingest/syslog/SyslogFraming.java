package io.vigil.ingest.syslog;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a TCP syslog stream into messages (RFC 6587). Each frame is either octet-counted
 * ({@code "123 <34>1 ..."}, detected by a leading length and a space) or ends with LF, CRLF or NUL
 * (non-transparent framing); senders may mix them. A message longer than the limit is reported as
 * {@link Frame.Oversized} with its first bytes, and the stream stays in step after it. One instance
 * per connection; not thread-safe.
 */
public final class SyslogFraming {

    /** One framed message, or what is kept of one that was too long. */
    public sealed interface Frame {
    }

    public record Message(byte[] bytes) implements Frame {
    }

    public record Oversized(byte[] head, long length) implements Frame {
    }

    /** How much of an oversized message is kept for the dead letters. */
    static final int HEAD_KEPT = 4096;
    private static final int MAX_LENGTH_DIGITS = 9;

    private final int maxMessage;
    private byte[] buffer = new byte[8192];
    private int start;
    private int end;
    /** Bytes of an oversized octet-counted frame still to skip. */
    private long skipCounted;
    /** Set while skipping the rest of an oversized newline-framed message. */
    private Oversized skippingLine;

    public SyslogFraming(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    /** Adds bytes from the stream and hands every complete frame to {@code frames}. */
    public void feed(byte[] data, int offset, int length, Consumer<Frame> frames) {
        append(data, offset, length);
        while (next(frames)) {
            // one frame handed on per round
        }
    }

    /** Whether a message has begun and not yet ended (bytes buffered, or an oversized one being skipped). */
    public boolean pending() {
        return end > start || skipCounted > 0 || skippingLine != null;
    }

    /** The connection closed: a last message without its newline still counts. */
    public void finish(Consumer<Frame> frames) {
        if (skippingLine != null) {
            frames.accept(new Oversized(skippingLine.head(), skippingLine.length() + (end - start)));
        } else if (end > start && skipCounted == 0) {
            emitLine(start, end, frames);
        }
        start = end = 0;
        skippingLine = null;
        skipCounted = 0;
    }

    private boolean next(Consumer<Frame> frames) {
        if (skipCounted > 0) {
            int skipped = (int) Math.min(skipCounted, end - start);
            start += skipped;
            skipCounted -= skipped;
            return skipCounted == 0 && start < end;
        }
        if (skippingLine != null) {
            return skipRestOfLine(frames);
        }
        if (start == end) {
            return false;
        }
        int counted = countedLength();
        if (counted == -2) {
            return false; // a length is being received
        }
        return counted >= 0 ? countedFrame(counted, frames) : lineFrame(frames);
    }

    /**
     * The length of an octet-counted frame starting here; -1 when this frame is not octet-counted,
     * -2 when more bytes are needed to tell.
     */
    private int countedLength() {
        if (buffer[start] < '1' || buffer[start] > '9') {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            if (b == ' ') {
                return value;
            }
            if (b < '0' || b > '9' || i - start >= MAX_LENGTH_DIGITS) {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return -2;
    }

    private boolean countedFrame(int length, Consumer<Frame> frames) {
        int body = start + digits(length) + 1;
        if (length > maxMessage) {
            int available = Math.min(end - body, HEAD_KEPT);
            frames.accept(new Oversized(Arrays.copyOfRange(buffer, body, body + available), length));
            int inBuffer = Math.min(end - body, length);
            start = body + inBuffer;
            skipCounted = length - inBuffer;
            return start < end;
        }
        if (end - body < length) {
            return false;
        }
        frames.accept(new Message(Arrays.copyOfRange(buffer, body, body + length)));
        start = body + length;
        return true;
    }

    private boolean lineFrame(Consumer<Frame> frames) {
        for (int i = start; i < end; i++) {
            if (buffer[i] == '\n' || buffer[i] == 0) {
                emitLine(start, i, frames);
                start = i + 1;
                return true;
            }
        }
        if (end - start > maxMessage) {
            skippingLine = new Oversized(Arrays.copyOfRange(buffer, start, start + HEAD_KEPT), end - start);
            start = end;
        }
        return false;
    }

    private boolean skipRestOfLine(Consumer<Frame> frames) {
        for (int i = start; i < end; i++) {
            if (buffer[i] == '\n' || buffer[i] == 0) {
                frames.accept(new Oversized(skippingLine.head(), skippingLine.length() + (i - start)));
                skippingLine = null;
                start = i + 1;
                return true;
            }
        }
        skippingLine = new Oversized(skippingLine.head(), skippingLine.length() + (end - start));
        start = end;
        return false;
    }

    private void emitLine(int from, int to, Consumer<Frame> frames) {
        int last = to;
        if (last > from && buffer[last - 1] == '\r') {
            last--;
        }
        if (last - from > maxMessage) {
            frames.accept(new Oversized(Arrays.copyOfRange(buffer, from, from + HEAD_KEPT), last - from));
        } else if (last > from) {
            frames.accept(new Message(Arrays.copyOfRange(buffer, from, last)));
        }
    }

    private void append(byte[] data, int offset, int length) {
        if (start == end) {
            start = end = 0;
        }
        if (end + length > buffer.length) {
            int live = end - start;
            if (live + length <= buffer.length / 2) {
                System.arraycopy(buffer, start, buffer, 0, live);
            } else {
                byte[] bigger = new byte[Math.max(buffer.length * 2, live + length)];
                System.arraycopy(buffer, start, bigger, 0, live);
                buffer = bigger;
            }
            start = 0;
            end = live;
        }
        System.arraycopy(data, offset, buffer, end, length);
        end += length;
    }

    private static int digits(int value) {
        return Integer.toString(value).length();
    }
}
