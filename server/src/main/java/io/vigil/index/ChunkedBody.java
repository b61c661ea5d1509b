package io.vigil.index;

import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A request body written into fixed-size chunks and sent from them as they are. A bulk body is
 * megabytes: one growing array would be copied at every doubling, and arrays that large bypass the
 * garbage collector's young generation (each one can force a collection), while 64 KiB chunks are
 * ordinary short-lived objects.
 */
final class ChunkedBody extends OutputStream {

    static final int CHUNK = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current = new byte[CHUNK];
    private int used;
    private long size;

    @Override
    public void write(int b) {
        if (used == CHUNK) {
            next();
        }
        current[used++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (used == CHUNK) {
                next();
            }
            int n = Math.min(length, CHUNK - used);
            System.arraycopy(bytes, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    private void next() {
        chunks.add(current);
        current = new byte[CHUNK];
        used = 0;
    }

    long size() {
        return size;
    }

    /** The bytes written, in order (the last chunk cut to what it holds). */
    List<byte[]> chunks() {
        List<byte[]> all = new ArrayList<>(chunks);
        if (used > 0) {
            all.add(used == CHUNK ? current : Arrays.copyOf(current, used));
        }
        return all;
    }

    /** The body as a publisher with its length declared, so it is not sent chunk-encoded. */
    HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(chunks()), size);
    }
}
