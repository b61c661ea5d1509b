package io.vigil.ingest.parse;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bytes of an ingest request after decompression, with what went wrong on the way: a truncated
 * gzip stream keeps everything that was decompressed before the damage.
 */
public record Payload(byte[] bytes, String damage) {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /** Reads a body, gunzipping it when it is gzip (by header or by its magic bytes). */
    public static Payload read(InputStream body, boolean declaredGzip, PayloadLimits limits) throws IOException {
        return read(body, declaredGzip, limits, -1);
    }

    /**
     * Reads a body whose length the sender declared ({@code Content-Length}; -1 when unknown). A plain
     * body of known length is read straight into an array of its size: a batch is megabytes, and
     * growing a buffer to it and copying it out made several short-lived arrays too large for the
     * garbage collector's young generation, each one forcing a collection.
     */
    public static Payload read(InputStream body, boolean declaredGzip, PayloadLimits limits, long declaredLength)
            throws IOException {
        var in = new java.io.BufferedInputStream(body);
        in.mark(2);
        boolean gzip = declaredGzip || (in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2);
        in.reset();
        if (!gzip) {
            return new Payload(declaredLength > 0 && declaredLength <= limits.maxBodyBytes()
                    ? readDeclared(in, (int) declaredLength, limits.maxBodyBytes())
                    : readCapped(in, limits.maxBodyBytes()), null);
        }
        var out = new ByteArrayOutputStream();
        try (var gunzip = new GZIPInputStream(in)) {
            copyCapped(gunzip, out, limits.maxBodyBytes(), 0);
            return new Payload(out.toByteArray(), null);
        } catch (EOFException e) {
            return new Payload(out.toByteArray(), "gzip input is truncated");
        } catch (ZipException e) {
            return new Payload(out.toByteArray(), "gzip input is corrupt: " + e.getMessage());
        }
    }

    /** The declared number of bytes, or fewer if the body ends early; more than declared goes on capped. */
    private static byte[] readDeclared(InputStream in, int length, long cap) throws IOException {
        byte[] bytes = new byte[length];
        int read = in.readNBytes(bytes, 0, length);
        if (read < length) {
            return java.util.Arrays.copyOf(bytes, read);
        }
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        var out = new ByteArrayOutputStream(length + 64 * 1024);
        out.write(bytes);
        out.write(next);
        copyCapped(in, out, cap, length + 1L);
        return out.toByteArray();
    }

    private static byte[] readCapped(InputStream in, long cap) throws IOException {
        var out = new ByteArrayOutputStream();
        copyCapped(in, out, cap, 0);
        return out.toByteArray();
    }

    /** Appends the rest of {@code in} to {@code out}, which holds {@code already} bytes of the body. */
    private static void copyCapped(InputStream in, ByteArrayOutputStream out, long cap, long already)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = already;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            if (total > cap) {
                throw new PayloadTooLargeException("the body is larger than " + (cap >> 20)
                        + " MiB once decompressed; send it in smaller batches");
            }
            out.write(buffer, 0, n);
        }
    }

    /** The whole body is refused: it is larger than any batch may be. */
    public static class PayloadTooLargeException extends IOException {

        public PayloadTooLargeException(String message) {
            super(message);
        }
    }
}
